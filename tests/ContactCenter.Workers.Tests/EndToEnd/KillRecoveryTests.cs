using ContactCenter.Testing;
using ContactCenter.Testing.Dovecot;
using ContactCenter.Workers.Tests.TestSupport;

namespace ContactCenter.Workers.Tests.EndToEnd;

[Collection(DovecotFixture.Collection)]
public sealed class KillRecoveryTests(DovecotFixture dovecot) : IDisposable
{
    private const int MessagesPerRound = 60;
    private const int Rounds = 6;
    private const int Messages = MessagesPerRound * Rounds;
    private readonly TempDirectory folder = new("cc-kill");

    public void Dispose() => folder.Dispose();

    [Fact]
    public async Task Kill9DuringBatches_ThenRestart_EveryMessageIsExactlyOneTicketAndMoved()
    {
        var server = dovecot.Server;
        var user = server.CreateUser("kill");
        var config = MailConfig.Write(folder.Path, server, user, "Imap", batchSize: 5);

        // Each round adds fresh mail, so a worker always has work left when its kill lands, however loaded the machine
        // (a fast worker could otherwise drain the whole mailbox before the log line that triggers the kill is read).
        // Runs are killed after their first N tickets (inside or at the end of a batch of 5), the last one after a
        // random delay (possibly while connecting or normalising); then a final run finishes the work.
        var kills = 0;
        var round = 0;
        foreach (var afterTickets in new[] { 1, 3, 7, 10, 12 })
        {
            await AppendRoundAsync(server, user, round++);
            kills += await RunAndKillAsync(config, afterTickets) ? 1 : 0;
        }

        await AppendRoundAsync(server, user, round);
        kills += await RunAndKillAsync(config, int.MaxValue, TimeSpan.FromMilliseconds(Random.Shared.Next(300, 3000))) ? 1 : 0;
        using (var last = ChildIngest.Start(config))
        {
            await last.WaitAsync(TimeSpan.FromMinutes(3));
            last.ExitCode.Should().Be(0);
        }

        var tickets = IngestSummaryJson.Tickets((await CliRun.RunAsync(null, "tickets", "list", "--json", "--config", config)).Output);
        tickets.Select(t => t.GetProperty("subject").GetString()).Should().BeEquivalentTo(
            Enumerable.Range(1, Messages).Select(i => $"Richiesta n. {i} (kill)"), "every message is exactly one ticket");
        (await server.CountAsync(user, "INBOX")).Should().Be(0);
        (await server.CountAsync(user, "Processed")).Should().Be(Messages, "every message ends up moved, once");
        kills.Should().BeGreaterThanOrEqualTo(4, "the workers must really be killed in the middle of the work");
    }

    /// <summary>
    /// Runs <c>ingest --once</c>, SIGKILLed once <paramref name="killAfterTickets"/> tickets are logged as created (or
    /// after <paramref name="killAfter"/>). Returns whether the kill happened before the process ended on its own.
    /// </summary>
    private static async Task<bool> RunAndKillAsync(string config, int killAfterTickets, TimeSpan? killAfter = null)
    {
        var created = 0;
        using var run = ChildIngest.Start(
            config, line => line.Contains("created ticket", StringComparison.Ordinal) && Interlocked.Increment(ref created) >= killAfterTickets);
        await run.EndsWithinAsync(killAfter ?? TimeSpan.FromMinutes(2));
        return run.WasKilled;
    }

    private static Task<int> AppendRoundAsync(DovecotServer server, string user, int round) =>
        server.AppendManyAsync(user, Enumerable.Range((round * MessagesPerRound) + 1, MessagesPerRound).Select(i => CitizenMail.Request(i, "kill")));
}
