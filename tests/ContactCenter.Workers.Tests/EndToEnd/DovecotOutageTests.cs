using ContactCenter.Core.Storage;
using ContactCenter.Testing;
using ContactCenter.Testing.Dovecot;
using ContactCenter.Workers.Hosting;
using ContactCenter.Workers.Scheduling;
using ContactCenter.Workers.Tests.TestSupport;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace ContactCenter.Workers.Tests.EndToEnd;

[Collection(DovecotFixture.Collection)]
public sealed class DovecotOutageTests(DovecotFixture dovecot) : IDisposable
{
    private readonly TempDirectory folder = new("cc-outage");
    private readonly ListLoggerProvider logs = new();

    public void Dispose() => folder.Dispose();

    [Fact]
    public async Task RunningService_DovecotStoppedAndRestarted_BacksOffResumesAndLosesNothing()
    {
        var server = dovecot.Server;
        var user = server.CreateUser("outage");
        await server.AppendManyAsync(user, Enumerable.Range(1, 40).Select(i => CitizenMail.Request(i, "outage")));
        var config = JsonConfigFile.Write(folder.Path, new
        {
            Store = new { DataDirectory = folder.Combine("data") },
            Receipts = new { Enabled = false },
            Pipeline = new { FailureBackoff = "00:00:00.500", MaxFailureBackoff = "00:00:02" },
            Channels = new Dictionary<string, object>
            {
                ["urp"] = new
                {
                    Type = "Imap", Host = DovecotServer.Host, Port = server.ImapPort, Security = "None", User = user,
                    Password = DovecotServer.Password, Interval = "00:00:00.300", BatchSize = 10,
                    RetryDelay = "00:00:00.200", MaxRetryDelay = "00:00:01", Timeout = "00:00:05",
                },
            },
        });
        using var host = ContactCenterHost.CreateBuilder(new HostSettings
        {
            ConfigFiles = [config],
            Service = true,
            Configure = b => b.Logging.AddProvider(logs),
        }).Build();
        var store = host.Services.GetRequiredService<ITicketStore>();
        await host.StartAsync();
        try
        {
            await WaitAsync(async () => (await store.QueryAsync(new TicketQuery(), CancellationToken.None)).Count == 40, "the first 40 messages");
            await server.StopAsync();
            await WaitAsync(() => Task.FromResult(host.Services.GetRequiredService<ChannelStatusRegistry>().Get("urp").ConsecutiveFailures >= 2), "failed polls while Dovecot is down");

            await server.StartAsync();
            await server.AppendManyAsync(user, Enumerable.Range(41, 20).Select(i => CitizenMail.Request(i, "outage")));
            await WaitAsync(async () => (await store.QueryAsync(new TicketQuery(), CancellationToken.None)).Count == 60, "the messages sent after the restart");

            // The recovery is logged when the poll that stored them has finished.
            await WaitAsync(() => Task.FromResult(logs.Entries.Any(e => e.EventId == 1658)), "the recovery log line");

            logs.Entries.Should().Contain(e => e.EventId == 1654, "the failure is logged");
            var tickets = await store.QueryAsync(new TicketQuery(), CancellationToken.None);
            tickets.Select(t => t.Subject).Should().OnlyHaveUniqueItems().And.HaveCount(60);
            (await server.CountAsync(user, "INBOX")).Should().Be(0);
            (await server.CountAsync(user, "Processed")).Should().Be(60);
        }
        finally
        {
            if (!server.IsRunning)
            {
                await server.StartAsync();
            }

            await host.StopAsync();
        }
    }

    private static async Task WaitAsync(Func<Task<bool>> condition, string what)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (!await condition())
        {
            DateTime.UtcNow.Should().BeBefore(deadline, $"waiting for {what}");
            await Task.Delay(200);
        }
    }
}
