using System.Text.Json;
using ContactCenter.Testing;
using ContactCenter.Testing.Dovecot;
using ContactCenter.Workers.Tests.TestSupport;

namespace ContactCenter.Workers.Tests.Cli;

/// <summary>A citizen calls without the ticket number: the operator finds the tickets by what the caller can say.</summary>
public sealed class TicketSenderLookupTests : IDisposable
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
}
