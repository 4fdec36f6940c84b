using System.Diagnostics.Metrics;
using ContactCenter.Core.Diagnostics;
using ContactCenter.Core.Storage;
using ContactCenter.Workers.Backoffice;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ContactCenter.Workers.Control;

/// <summary>
/// Outbox size, oldest unsent receipt's age, quarantine size and the store folders' free space as observable gauges.
/// A scrape must not wait for the store (a large batch may be committing), so the store's figures are read on a timer
/// and the gauges report the last read; free space comes from the file system at each scrape.
/// </summary>
internal sealed class BacklogGauges : BackgroundService
{
    private readonly ITicketStore store;
    private readonly TimeProvider time;
    private readonly IOptions<ControlOptions> options;
    private readonly ILogger<BacklogGauges> logger;
    private StoreBacklog latest = StoreBacklog.Empty;

    public BacklogGauges(ITicketStore store, IMeterFactory meters, TimeProvider time, IOptions<ControlOptions> options, ILogger<BacklogGauges> logger,
        DiskSpace disk)
    {
        this.store = store;
        this.time = time;
        this.options = options;
        this.logger = logger;
        var meter = meters.Create(IngestMetrics.MeterName);
        meter.CreateObservableGauge("contactcenter.outbox.pending", () => Volatile.Read(ref latest).OutboxPending, "{message}", "Receipts not yet sent.");
        meter.CreateObservableGauge("contactcenter.outbox.oldest.age", OldestAge, "s", "Age of the oldest receipt not yet sent.");
        meter.CreateObservableGauge("contactcenter.quarantine.pending", () => Volatile.Read(ref latest).QuarantinePending, "{item}", "Quarantined items awaiting an admin.");
        // Read at each scrape: statvfs, not the store, so nothing to wait for.
        meter.CreateObservableGauge("contactcenter.disk.free", () => disk.Read().Select(f => new Measurement<long>(f.FreeBytes, new KeyValuePair<string, object?>("folder", f.Subject))),
            "By", "Free space under the store's folders (store, archive, quarantine) and the temp folder (temp).");
    }

    public async Task RefreshAsync(CancellationToken cancellationToken) =>
        Volatile.Write(ref latest, await StoreBacklog.ReadAsync(store, time.GetUtcNow(), cancellationToken).ConfigureAwait(false));

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

    private double OldestAge() =>
        Volatile.Read(ref latest).OutboxOldestAt is { } at ? Math.Max(0, (time.GetUtcNow() - at).TotalSeconds) : 0;
}
