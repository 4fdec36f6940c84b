using ContactCenter.Testing;
using ContactCenter.Testing.Dovecot;
using ContactCenter.Workers.Tests.TestSupport;

namespace ContactCenter.Workers.Tests.EndToEnd;

[Collection(DovecotFixture.Collection)]
public sealed class KillRecoveryTests(DovecotFixture dovecot) : IDisposable
{
    private const int Messages = 200;
    private readonly TempDirectory folder = new("cc-kill");

    public void Dispose() => folder.Dispose();

    [Fact]
    public async Task Kill9DuringBatches_ThenRestart_EveryMessageIsExactlyOneTicketAndMoved()
    {
        var server = dovecot.Server;
        var user = server.CreateUser("kill");
        await server.AppendManyAsync(user, Enumerable.Range(1, Messages).Select(i => CitizenMail.Request(i, "kill")));
        var config = MailConfig.Write(folder.Path, server, user, "Imap", batchSize: 25);

        // Each run is killed after its first N tickets (inside or at the end of a batch of 25), one after a random
        // delay (possibly while connecting or normalising); then a last run finishes the work.
        var kills = 0;
        foreach (var afterTickets in new[] { 1, 7, 19, 25, 33 })
        {
            kills += await ChildWorker.RunAndKillAsync(config, afterTickets) ? 1 : 0;
        }

        kills += await ChildWorker.RunAndKillAsync(config, int.MaxValue, TimeSpan.FromMilliseconds(Random.Shared.Next(300, 3000))) ? 1 : 0;
        (await ChildWorker.RunToEndAsync(config)).Should().Be(0);

        var tickets = IngestSummaryJson.Tickets((await CliRun.RunAsync(null, "tickets", "list", "--json", "--config", config)).Output);
        tickets.Select(t => t.GetProperty("subject").GetString()).Should().BeEquivalentTo(
            Enumerable.Range(1, Messages).Select(i => $"Richiesta n. {i} (kill)"), "every message is exactly one ticket");
        (await server.CountAsync(user, "INBOX")).Should().Be(0);
        (await server.CountAsync(user, "Processed")).Should().Be(Messages, "every message ends up moved, once");
        kills.Should().BeGreaterThanOrEqualTo(4, "the workers must really be killed in the middle of the work");
    }
}
