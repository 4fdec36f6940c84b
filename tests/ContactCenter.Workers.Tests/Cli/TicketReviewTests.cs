using System.Text.Json;
using ContactCenter.Testing;
using ContactCenter.Testing.Dovecot;
using ContactCenter.Workers.Tests.TestSupport;

namespace ContactCenter.Workers.Tests.Cli;

/// <summary>The review queue from the command line: flagged tickets listed and marked, the flag cleared once.</summary>
public sealed class TicketReviewTests : IDisposable
{
    private readonly TempDirectory folder = new("cc-review");

    public void Dispose() => folder.Dispose();

    [Fact]
    public async Task TicketsReviewed_ClearsTheFlag_ListReviewShowsOnlyFlaggedTickets()
    {
        var numbers = await KnownStore.BuildAsync(folder.Combine("data"));
        await KnownStore.FlagAsync(folder.Combine("data"), numbers["B"], "confidenza media dell'OCR 41 sotto la soglia di 60");
        var config = StoreConfig.Write(folder.Path, FreePort.Next());

        var table = await CliRun.RunAsync(null, "tickets", "list", "--config", config);
        table.Output.Split('\n').Single(l => l.Contains(numbers["B"], StringComparison.Ordinal)).Should().Contain("open review");
        Numbers(await CliRun.RunAsync(null, "tickets", "list", "--review", "--json", "--config", config)).Should().Equal(numbers["B"]);
        var before = await CliRun.RunAsync(null, "status", "--config", config);
        before.Output.Should().Contain("4 ticket(s), 2 open, 1 overdue (tickets list --overdue), 1 to review", "B is overdue since March");

        var reviewed = await CliRun.RunAsync(null, "tickets", "reviewed", numbers["B"], "--reason", "letta a mano", "--config", config);

        reviewed.ExitCode.Should().Be(0, reviewed.Error);
        var status = JsonDocument.Parse((await CliRun.RunAsync(null, "status", "--json", "--config", config)).Output).RootElement;
        status.GetProperty("ticketsToReview").GetInt32().Should().Be(0);
        Numbers(await CliRun.RunAsync(null, "tickets", "list", "--review", "--json", "--config", config)).Should().BeEmpty();
        var show = await CliRun.RunAsync(null, "tickets", "show", numbers["B"], "--json", "--config", config);
        var history = JsonDocument.Parse(show.Output).RootElement.GetProperty("history").EnumerateArray().ToList();
        history[^1].GetProperty("kind").GetString().Should().Be("Reviewed");
        history[^1].GetProperty("detail").GetString().Should().Be("letta a mano (flagged: confidenza media dell'OCR 41 sotto la soglia di 60)");
        var again = await CliRun.RunAsync(null, "tickets", "reviewed", numbers["B"], "--config", config);
        again.ExitCode.Should().Be(1);
        again.Error.Should().Contain("not flagged for review");
    }

    private static List<string> Numbers(CliRun.Result result)
    {
        result.ExitCode.Should().Be(0, result.Error);
        return [.. JsonDocument.Parse(result.Output).RootElement.GetProperty("tickets").EnumerateArray().Select(t => t.GetProperty("number").GetString()!)];
    }
}
