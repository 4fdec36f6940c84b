using ContactCenter.Core.Storage;
using ContactCenter.Testing;
using ContactCenter.Testing.Bulk;
using ContactCenter.Testing.Dovecot;
using ContactCenter.Workers.Tests.TestSupport;
using Xunit.Abstractions;

namespace ContactCenter.Workers.Tests.Crash;

/// <summary>
/// A POP3 poll keeps one session and deletes what it stored with the QUIT at its end: the real service killed with
/// SIGKILL in the middle of such a poll has deleted nothing it had not stored, and a restart makes every message one
/// ticket and leaves the mailbox empty (the messages whose deletion the kill undid are fetched again and recognised).
/// </summary>
[Collection(CrashCollection.Name)]
[Trait(RunAlone.Trait, RunAlone.Value)]
public sealed class Pop3CrashTests(ITestOutputHelper output) : IAsyncLifetime
{
    private const int Messages = 3_000;

    private readonly TempDirectory folder = new("cc-pop3-crash");
    private DovecotServer dovecot = null!;

    public async Task InitializeAsync() => dovecot = await DovecotServer.CreateAsync();

    public async Task DisposeAsync()
    {
        await dovecot.DisposeAsync();
        folder.Dispose();
    }

    [Fact]
    public async Task Kill9WhileAPollHoldsItsDeletions_ThenRestart_EveryMessageIsOneTicketAndNoneIsLeft()
    {
        var user = dovecot.CreateUser("popcrash");
        var mail = new BulkMail(seed: 20261206, run: "popcrash");
        MaildirDelivery.Deliver(dovecot.MaildirPath(user), Enumerable.Range(0, Messages).Select(mail.CreateBytes)).Should().Be(Messages);
        string[] configs = [Path.Combine(RepositoryPaths.Root, "samples", "routing.rules.json"), Config(user)];

        await using (var worker = CrashWorker.Start(configs))
        {
            await worker.WaitForTicketsAsync(300, TimeSpan.FromSeconds(90));
            await worker.KillAsync();
        }

        var stored = await TicketsAsync();
        var left = await dovecot.CountAsync(user);
        output.WriteLine($"killed with {stored.Count} tickets stored and {left} of {Messages} messages on the server");
        stored.Should().NotBeEmpty("the kill came during the poll");
        (Messages - left).Should().BeLessThanOrEqualTo(stored.Count, "no message is deleted before its ticket is stored");

        await using (var worker = CrashWorker.Start(configs))
        {
            var deadline = DateTime.UtcNow + TimeSpan.FromMinutes(4);
            while (await dovecot.CountAsync(user) > 0 && DateTime.UtcNow < deadline)
            {
                await Task.Delay(500);
            }

            await worker.StopAsync(TimeSpan.FromSeconds(30));
        }

        (await dovecot.CountAsync(user)).Should().Be(0, "every message was deleted once stored");
        var tickets = await TicketsAsync();
        tickets.Should().HaveCount(Messages, "each message is exactly one ticket");
        tickets.Select(t => t.SourceKey).Should().OnlyHaveUniqueItems();
        tickets.Select(t => t.MessageId?.Trim('<', '>')).Should().BeEquivalentTo(Enumerable.Range(0, Messages).Select(mail.MessageIdOf));
    }

    private async Task<IReadOnlyList<Core.Tickets.Ticket>> TicketsAsync()
    {
        using var store = TicketStoreFactory.Open(new StoreOptions { DataDirectory = Path.Combine(folder.Path, "data") });
        return await store.QueryAsync(new TicketQuery { Limit = int.MaxValue }, CancellationToken.None);
    }

    /// <summary>One POP3 channel in Delete mode, polled every second, batches of 100; no receipts.</summary>
    private string Config(string user) =>
        JsonConfigFile.Write(folder.Path, new
        {
            Store = new { DataDirectory = Path.Combine(folder.Path, "data") },
            Receipts = new { Enabled = false },
            Control = new { Url = $"http://127.0.0.1:{FreePort.Next()}" },
            Channels = new Dictionary<string, object>
            {
                ["pop"] = new
                {
                    Type = "Pop3",
                    Host = DovecotServer.Host,
                    Port = dovecot.Pop3Port,
                    Security = "None",
                    User = user,
                    Password = DovecotServer.Password,
                    BatchSize = 100,
                    Interval = "00:00:01",
                },
            },
        });
}
