using System.Diagnostics;
using System.Globalization;
using ContactCenter.Bench.Pipeline;
using ContactCenter.Bench.Reporting;
using ContactCenter.Testing.Bulk;
using ContactCenter.Testing.Dovecot;
using Microsoft.Extensions.Logging;
using ContactCenter.Core.Intake;
using MailKit;

namespace ContactCenter.Bench.Latency;

/// <summary>
/// Time from a message's IMAP APPEND to its ticket being durably stored, two ways: the channel polled every second by a
/// fixed-rate timer (as the service's Quartz trigger would), and IMAP IDLE waking an otherwise once-a-minute poll (as
/// the service's push watcher does). Polling's expected latency is about half the interval plus one poll's work.
/// </summary>
internal sealed class LatencyBenchmark : IBenchmark
{
    private static readonly TimeSpan PollInterval = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan IdleScheduleInterval = TimeSpan.FromMinutes(1);

    public string Name => "latency";

    public async Task<IReadOnlyList<BenchRow>> RunAsync(BenchContext context, CancellationToken cancellationToken)
    {
        var samples = context.Size(12, 5);
        await using var server = await DovecotServer.CreateAsync(cancellationToken);
        var polled = await MeasureAsync(context, server, idle: false, samples, cancellationToken);
        var idle = await MeasureAsync(context, server, idle: true, samples, cancellationToken);
        var ratio = idle.Median / polled.Median;
        return
        [
            new BenchRow(
                "Latency APPEND → ticket stored, IMAP IDLE (schedule every 60 s)",
                idle.Text,
                $"IMAP polled every 1 s: {polled.Text}",
                ratio,
                "–",
                "IDLE on a second connection wakes the channel's poll; the ratio is IDLE's median over polling's"),
        ];
    }

    private static async Task<(double Median, string Text)> MeasureAsync(
        BenchContext context, DovecotServer server, bool idle, int samples, CancellationToken cancellationToken)
    {
        var mode = idle ? "idle" : "poll";
        var user = server.CreateUser("latency-" + mode);
        var listener = new CreatedTicketListener();
        var channel = BenchServices.ImapChannel("urp", server, user);
        channel["ContactCenter:Channels:urp:Idle"] = idle ? "true" : "false";
        await using var services = new BenchServices(context.NewFolder("latency-" + mode), channel, logging: builder => builder.AddProvider(listener));
        await services.WarmUpAsync(cancellationToken);
        var source = services.Source("urp");

        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        using var wake = new SemaphoreSlim(0);
        var poller = Task.Run(() => PollAsync(services, source, idle ? IdleScheduleInterval : PollInterval, wake, stop.Token), stop.Token);
        var watcher = idle && source is IPushingSource pushing
            ? pushing.WatchAsync(_ => { wake.Release(); return Task.CompletedTask; }, stop.Token)
            : Task.CompletedTask;
        if (idle)
        {
            await Task.Delay(TimeSpan.FromSeconds(2), cancellationToken); // let the IDLE connection log in first
        }

        var mail = new BulkMail(seed: 7, run: "latency-" + mode);
        var random = new Random(7);
        var latencies = new List<double>();
        for (var n = 0; n < samples; n++)
        {
            // A random phase against the poll timer, as real mail arrives.
            await Task.Delay(TimeSpan.FromMilliseconds(random.Next(200, 1200)), cancellationToken);
            var message = mail.Create(n);
            var appended = Stopwatch.GetTimestamp();
            var uid = await server.AppendAsync(user, message, cancellationToken: cancellationToken)
                ?? throw new InvalidOperationException("Dovecot returned no UID (no UIDPLUS?)");
            latencies.Add(await WaitForTicketAsync(listener, uid, appended, cancellationToken));
        }

        await stop.CancelAsync();
        await Task.WhenAll(Quietly(poller), Quietly(watcher));
        latencies.Sort();
        var median = latencies[latencies.Count / 2];
        var text = string.Create(CultureInfo.InvariantCulture,
            $"median {median:F2} s, min {latencies[0]:F2} s, max {latencies[^1]:F2} s ({samples} samples)");
        BenchContext.Say($"latency ({mode}): {text}: {string.Join(' ', latencies.Select(l => l.ToString("F2", CultureInfo.InvariantCulture)))}");
        return (median, text);
    }

    /// <summary>Polls at every tick of <paramref name="interval"/> and whenever <paramref name="wake"/> is released.</summary>
    private static async Task PollAsync(BenchServices services, IInboundSource source, TimeSpan interval, SemaphoreSlim wake, CancellationToken cancellationToken)
    {
        while (true)
        {
            await services.Pipeline.RunAsync(source, null, cancellationToken);
            await wake.WaitAsync(interval, cancellationToken);
        }
    }

    private static async Task Quietly(Task task)
    {
        try
        {
            await task;
        }
        catch (OperationCanceledException)
        {
        }
    }

    private static async Task<double> WaitForTicketAsync(CreatedTicketListener listener, UniqueId uid, long appended, CancellationToken cancellationToken)
    {
        var suffix = string.Create(CultureInfo.InvariantCulture, $"/{uid.Validity}/{uid.Id}");
        var deadline = Stopwatch.GetTimestamp() + (Stopwatch.Frequency * 30);
        while (Stopwatch.GetTimestamp() < deadline)
        {
            if (listener.TryGet(suffix, out var created))
            {
                return Stopwatch.GetElapsedTime(appended, created).TotalSeconds;
            }

            await Task.Delay(5, cancellationToken);
        }

        throw new TimeoutException($"no ticket for UID {uid} within 30 s");
    }
}
