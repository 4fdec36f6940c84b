using System.Diagnostics.Metrics;
using ContactCenter.Core.Diagnostics;
using ContactCenter.Core.Storage;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ContactCenter.Workers.Control;

/// <summary>
/// Outbox size, oldest unsent receipt's age and quarantine size as observable gauges. A scrape must not wait for the
/// store (a large batch may be committing), so the figures are read on a timer and the gauges report the last read.
/// </summary>
internal sealed class BacklogGauges : BackgroundService
{
    private readonly ITicketStore store;
    private readonly TimeProvider time;
    private readonly IOptions<ControlOptions> options;
    private readonly ILogger<BacklogGauges> logger;
    private readonly Lock gate = new();
    private int outboxPending;
    private DateTimeOffset? outboxOldest;
    private int quarantinePending;

    public BacklogGauges(ITicketStore store, IMeterFactory meters, TimeProvider time, IOptions<ControlOptions> options, ILogger<BacklogGauges> logger)
    {
        this.store = store;
        this.time = time;
        this.options = options;
        this.logger = logger;
        var meter = meters.Create(IngestMetrics.MeterName);
        meter.CreateObservableGauge("contactcenter.outbox.pending", () => Volatile.Read(ref outboxPending), "{message}", "Receipts not yet sent.");
        meter.CreateObservableGauge("contactcenter.outbox.oldest.age", OldestAge, "s", "Age of the oldest receipt not yet sent.");
        meter.CreateObservableGauge("contactcenter.quarantine.pending", () => Volatile.Read(ref quarantinePending), "{item}", "Quarantined items awaiting an admin.");
    }

    public async Task RefreshAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var pending = await store.CountOutboxAsync(pendingOnly: true, cancellationToken).ConfigureAwait(false);
        var oldest = pending == 0 ? null
            : (await store.GetDueOutboxAsync(now.AddYears(100), 1, cancellationToken).ConfigureAwait(false)).FirstOrDefault()?.CreatedAt;
        var quarantined = (await store.ListQuarantineAsync(includeResolved: false, cancellationToken).ConfigureAwait(false)).Count;
        Volatile.Write(ref outboxPending, pending);
        Volatile.Write(ref quarantinePending, quarantined);
        lock (gate)
        {
            outboxOldest = oldest;
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await RefreshAsync(stoppingToken).ConfigureAwait(false);
                await Task.Delay(options.Value.GaugeRefreshInterval, time, stoppingToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                ControlLog.GaugeRefreshFailed(logger, $"{ex.GetType().Name}: {ex.Message}");
                await Task.Delay(options.Value.GaugeRefreshInterval, time, stoppingToken).ConfigureAwait(false);
            }
        }
    }

    private double OldestAge()
    {
        DateTimeOffset? oldest;
        lock (gate)
        {
            oldest = outboxOldest;
        }

        return oldest is { } at ? Math.Max(0, (time.GetUtcNow() - at).TotalSeconds) : 0;
    }
}
