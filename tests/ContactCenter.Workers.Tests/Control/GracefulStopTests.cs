using System.Diagnostics;
using ContactCenter.Core.Storage;
using ContactCenter.Testing;
using ContactCenter.Testing.Dovecot;
using ContactCenter.Workers.Tests.EndToEnd;
using MimeKit;

namespace ContactCenter.Workers.Tests.Control;

public sealed class GracefulStopTests : IDisposable
{
    private const int Messages = 600;
    private static readonly TimeSpan ShutdownTimeout = TimeSpan.FromSeconds(20);
    private readonly TempDirectory folder = new("cc-sigterm");

    public void Dispose() => folder.Dispose();

    [Fact]
    public async Task SigtermDuringALargeIngest_ExitsWithinTheBound_AndAcknowledgesNothingUnstored()
    {
        var inbox = folder.Combine("inbox");
        Directory.CreateDirectory(inbox);
        for (var i = 1; i <= Messages; i++)
        {
            await CitizenMail.Request(i, "term").WriteToAsync(Path.Combine(inbox, $"{i:D4}.eml"));
        }

        var config = JsonConfigFile.Write(folder.Path, new
        {
            Store = new { DataDirectory = folder.Combine("data") },
            Mail = new { OwnAddresses = new[] { "urp@protezionecivile.example.it" } },
            Receipts = new { Enabled = false },
            Pipeline = new { ShutdownTimeout = ShutdownTimeout.ToString() },
            Control = new { Url = $"http://127.0.0.1:{FreePort.Next()}" },
            Channels = MailDrop.Channel(folder, "drop", inbox, batchSize: 5),
        });
        using var service = ServiceProcess.Start(folder.Path, ServiceTestHost.Rules, config);

        var until = DateTime.UtcNow + TimeSpan.FromMinutes(2);
        while (Done().Length < 20 && !service.HasExited && DateTime.UtcNow < until)
        {
            await Task.Delay(20);
        }

        var pendingAtSignal = Directory.GetFiles(inbox, "*.eml").Length;
        var stopwatch = Stopwatch.StartNew();
        await service.TerminateAsync();
        var exited = await service.WaitForExitAsync(ShutdownTimeout + TimeSpan.FromSeconds(10));
        stopwatch.Stop();

        exited.Should().BeTrue($"the service must stop within ShutdownTimeout; log:\n{service.Log}");
        service.ExitCode.Should().Be(0, service.Log);
        pendingAtSignal.Should().BeGreaterThan(0, "the signal must arrive in the middle of the backlog");
        stopwatch.Elapsed.Should().BeLessThan(ShutdownTimeout + TimeSpan.FromSeconds(5));

        var tickets = await Cli.KnownStore.ReadAsync(folder.Combine("data"), s => s.QueryAsync(new TicketQuery(), CancellationToken.None));
        var ticketsBySubject = tickets.GroupBy(t => t.Subject).ToDictionary(g => g.Key, g => g.Count());
        ticketsBySubject.Values.Should().OnlyContain(n => n == 1, "one message, one ticket");
        var acknowledged = Done().Select(f => MimeMessage.Load(f).Subject).ToList();
        var pending = Directory.GetFiles(inbox, "*.eml").Select(f => MimeMessage.Load(f).Subject).ToList();
        acknowledged.Should().OnlyContain(s => ticketsBySubject.ContainsKey(s), "nothing is acknowledged without its ticket");
        (acknowledged.Count + pending.Count).Should().Be(Messages, "every message is either acknowledged or still pending");
        Directory.Exists(folder.Combine("quarantine")).Should().BeFalse();
        acknowledged.Count.Should().BeLessThan(Messages, "the service stopped before draining the backlog");
    }

    private string[] Done() =>
        Directory.Exists(folder.Combine("done")) ? Directory.GetFiles(folder.Combine("done"), "*.eml", SearchOption.AllDirectories) : [];
}
