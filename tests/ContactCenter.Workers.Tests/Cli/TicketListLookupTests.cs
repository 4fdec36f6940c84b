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
        table.Output.Should().Contain("The first 1000 (by arrival) only");
    }
}
