using System.Diagnostics;
using System.Globalization;
using ContactCenter.Bench.Pipeline;
using ContactCenter.Bench.Reporting;
using ContactCenter.Testing.Bulk;
using ContactCenter.Testing.Dovecot;
using Microsoft.Extensions.Logging;
using MailKit;

namespace ContactCenter.Bench.Latency;

/// <summary>
/// Time from a message's IMAP APPEND to its ticket being durably stored, with the channel polled every second as the
/// service's Quartz trigger would (a fixed-rate timer running the same pipeline). The IMAP source has no IDLE, so
/// polling is the only mode: the expected latency is about half the interval plus one poll's work.
/// </summary>
internal sealed class LatencyBenchmark : IBenchmark
{
    private static readonly TimeSpan Interval = TimeSpan.FromSeconds(1);

    public string Name => "latency";

    public async Task<IReadOnlyList<BenchRow>> RunAsync(BenchContext context, CancellationToken cancellationToken)
    {
        var samples = context.Size(12, 5);
        await using var server = await DovecotServer.CreateAsync(cancellationToken);
        var user = server.CreateUser("latency");
        var listener = new CreatedTicketListener();
        await using var services = new BenchServices(
            context.NewFolder("latency-store"),
            BenchServices.ImapChannel("urp", server.ImapPort, user, DovecotServer.Password),
            logging: builder => builder.AddProvider(listener));
        await services.WarmUpAsync(cancellationToken);
        var source = services.Source("urp");

        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var poller = Task.Run(async () =>
        {
            using var timer = new PeriodicTimer(Interval);
            do
            {
                await services.Pipeline.RunAsync(source, null, stop.Token);
            }
            while (await timer.WaitForNextTickAsync(stop.Token));
        }, stop.Token);

        var mail = new BulkMail(seed: 7, run: "latency");
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
        try
        {
            await poller;
        }
        catch (OperationCanceledException)
        {
        }

        latencies.Sort();
        var median = latencies[latencies.Count / 2];
        var text = string.Create(CultureInfo.InvariantCulture,
            $"median {median:F2} s, min {latencies[0]:F2} s, max {latencies[^1]:F2} s ({samples} samples)");
        BenchContext.Say($"latency: {text}: {string.Join(' ', latencies.Select(l => l.ToString("F2", CultureInfo.InvariantCulture)))}");
        return
        [
            new BenchRow(
                "Latency APPEND → ticket stored, IMAP polled every 1 s",
                text,
                "poll interval 1 s (expected ≈ 0.5 s + one poll)",
                null,
                "–",
                "IMAP IDLE: not implemented by the IMAP source (poll only), so no IDLE figure"),
        ];
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
