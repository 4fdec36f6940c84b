using System.Text.Json;
using ContactCenter.Testing;
using ContactCenter.Testing.Dovecot;
using ContactCenter.Workers.Tests.TestSupport;

namespace ContactCenter.Workers.Tests.Cli;

/// <summary>Finding tickets in a large store: by what a caller can say, and never the whole store by accident.</summary>
public sealed class TicketListLookupTests : IDisposable
{
    private readonly TempDirectory folder = new("cc-sender");

    public void Dispose() => folder.Dispose();

    [Theory]
    [InlineData("0864 576210", "D")]
    [InlineData("0039 0864 576210", "D")]
    [InlineData("A@EXAMPLE.IT", "A")]
    public async Task TicketsListSender_FindsTheTicketsOfThatSender(string said, string expected)
    {
        var numbers = await KnownStore.BuildAsync(folder.Combine("data"));
        var config = StoreConfig.Write(folder.Path, FreePort.Next());

        var result = await CliRun.RunAsync(null, "tickets", "list", "--sender", said, "--json", "--config", config);

        result.ExitCode.Should().Be(0, result.Error);
        JsonDocument.Parse(result.Output).RootElement.GetProperty("tickets").EnumerateArray().Select(t => t.GetProperty("number").GetString())
            .Should().Equal(numbers[expected]);
    }

    [Fact]
    public async Task TicketsList_WithoutALimit_ShowsTheDefaultPageAndSaysSo()
    {
        await KnownStore.AddManyAsync(folder.Combine("data"), 1001);
        var config = StoreConfig.Write(folder.Path, FreePort.Next());

        var page = JsonDocument.Parse((await CliRun.RunAsync(null, "tickets", "list", "--json", "--config", config)).Output).RootElement;
        var all = JsonDocument.Parse((await CliRun.RunAsync(null, "tickets", "list", "--limit", "2000", "--json", "--config", config)).Output).RootElement;
        var table = await CliRun.RunAsync(null, "tickets", "list", "--config", config);

        page.GetProperty("count").GetInt32().Should().Be(1000);
        page.GetProperty("limited").GetBoolean().Should().BeTrue();
        all.GetProperty("count").GetInt32().Should().Be(1001);
        all.GetProperty("limited").GetBoolean().Should().BeFalse();
        table.Output.Should().Contain("The first 1000 (by arrival) only").And.Contain($"the next page with --after {page.GetProperty("next").GetString()}");
        var rest = JsonDocument.Parse((await CliRun.RunAsync(null, "tickets", "list", "--after", page.GetProperty("next").GetString()!, "--json", "--config", config)).Output).RootElement;
        rest.GetProperty("count").GetInt32().Should().Be(1);
        rest.GetProperty("next").ValueKind.Should().Be(JsonValueKind.Null);
        var numbers = all.GetProperty("tickets").EnumerateArray().Select(t => t.GetProperty("number").GetString()).ToList();
        rest.GetProperty("tickets")[0].GetProperty("number").GetString().Should().Be(numbers[^1]);
    }

    [Fact]
    public async Task TicketsList_ReceivedRangeAndAnUnknownAfter()
    {
        await KnownStore.AddManyAsync(folder.Combine("data"), 10);
        var config = StoreConfig.Write(folder.Path, FreePort.Next());

        var range = await CliRun.RunAsync(null, "tickets", "list", "--received-from", KnownStore.March2.AddMinutes(3).ToString("O"),
            "--received-before", KnownStore.March2.AddMinutes(5).ToString("O"), "--json", "--config", config);
        var unknown = await CliRun.RunAsync(null, "tickets", "list", "--after", "PC-2026-999999", "--config", config);
        var malformed = await CliRun.RunAsync(null, "tickets", "list", "--received-from", "ieri", "--config", config);

        range.ExitCode.Should().Be(0, range.Error);
        JsonDocument.Parse(range.Output).RootElement.GetProperty("count").GetInt32().Should().Be(2);
        unknown.ExitCode.Should().Be(1);
        unknown.Error.Should().Contain("--after: no ticket PC-2026-999999");
        malformed.ExitCode.Should().Be(2);
        malformed.Error.Should().Contain("--received-from: 'ieri' is not a date");
    }
}
