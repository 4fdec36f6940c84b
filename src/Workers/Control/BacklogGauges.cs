using System.Diagnostics.Metrics;
using ContactCenter.Core.Diagnostics;
using ContactCenter.Core.Storage;
using ContactCenter.Workers.Backoffice;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ContactCenter.Workers.Control;

/// <summary>
/// Outbox size, oldest unsent receipt's age, quarantine size, open, overdue and to-review tickets per channel, the store
/// folders' free space, the last backup's age and the mailboxes' quotas as observable gauges: what an alert watches (a
/// promise broken, a backlog growing, backups that stopped, a mailbox filling up) without polling <c>status</c>. A scrape must not wait for the store (a large batch may be committing), so the store's figures
/// are read on a timer and the gauges report the last read; free space comes from the file system at each scrape.
/// </summary>
internal sealed class BacklogGauges : BackgroundService
{
    private readonly ITicketStore store;
    private readonly TimeProvider time;
    private readonly IOptions<ControlOptions> options;
    private readonly ILogger<BacklogGauges> logger;
    private StoreBacklog latest = StoreBacklog.Empty;
    private IReadOnlyList<ChannelTicketSummary> tickets = [];
    private DateTimeOffset? ticketsAt;

    public BacklogGauges(ITicketStore store, IMeterFactory meters, TimeProvider time, IOptions<ControlOptions> options, ILogger<BacklogGauges> logger,
        DiskSpace disk, IOptions<StoreOptions> storeOptions, ContactCenter.Channels.Email.MailboxQuotaRegistry? quotas = null)
    {
        this.store = store;
        this.time = time;
        this.options = options;
        this.logger = logger;
        var meter = meters.Create(IngestMetrics.MeterName);
        meter.CreateObservableGauge("contactcenter.outbox.pending", () => Volatile.Read(ref latest).OutboxPending, "{message}", "Receipts not yet sent.");
        meter.CreateObservableGauge("contactcenter.outbox.oldest.age", OldestAge, "s", "Age of the oldest receipt not yet sent.");
        meter.CreateObservableGauge("contactcenter.quarantine.pending", () => Volatile.Read(ref latest).QuarantinePending, "{item}", "Quarantined items awaiting an admin.");
        meter.CreateObservableGauge("contactcenter.tickets.open", () => PerChannel(t => t.Open), "{ticket}", "Open tickets, by channel.");
        meter.CreateObservableGauge("contactcenter.tickets.overdue", () => PerChannel(t => t.Overdue), "{ticket}",
            "Open tickets past their due date and not suspended, by channel.");
        meter.CreateObservableGauge("contactcenter.tickets.review", () => PerChannel(t => t.NeedsReview), "{ticket}",
            "Tickets flagged for an operator's review and not yet reviewed, by channel.");
        // Read at each scrape: statvfs, not the store, so nothing to wait for.
        meter.CreateObservableGauge("contactcenter.disk.free", () => disk.Read().Select(f => new Measurement<long>(f.FreeBytes, new KeyValuePair<string, object?>("folder", f.Subject))),
            "By", "Free space under the store's folders (store, archive, quarantine) and the temp folder (temp).");
        // The file `store backup` leaves, read at each scrape: nothing when no backup ever ran, so an alert can tell.
        var backups = Core.Storage.Backup.BackupRecordFile.PathFor(storeOptions.Value);
        meter.CreateObservableGauge("contactcenter.backup.age", () => BackupAge(backups), "s", "Time since the last complete store backup.");
        meter.CreateObservableGauge("contactcenter.backup.last.complete", () => BackupComplete(backups), "{run}",
            "1 when the last store backup was complete, 0 when it found problems.");
        if (quotas is not null)
        {
            MailboxQuotaGauges.Create(meter, quotas);
        }
    }

    private IEnumerable<Measurement<double>> BackupAge(string path) =>
        Core.Storage.Backup.BackupRecordFile.Read(path)?.LastCompleteAt is { } at ? [new((time.GetUtcNow() - at).TotalSeconds)] : [];

    private static IEnumerable<Measurement<int>> BackupComplete(string path) =>
        Core.Storage.Backup.BackupRecordFile.Read(path) is { } record ? [new(record.LastRunComplete ? 1 : 0)] : [];

    public async Task RefreshAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        Volatile.Write(ref latest, await StoreBacklog.ReadAsync(store, now, cancellationToken).ConfigureAwait(false));
        if (ticketsAt is not { } last || now - last >= options.Value.TicketGaugeRefreshInterval)
        {
            Volatile.Write(ref tickets, await store.SummarizeTicketsAsync(now, cancellationToken).ConfigureAwait(false));
            ticketsAt = now;
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

    private IEnumerable<Measurement<int>> PerChannel(Func<ChannelTicketSummary, int> count) =>
        Volatile.Read(ref tickets).Select(t => new Measurement<int>(count(t), new KeyValuePair<string, object?>("channel", t.ChannelName)));

    private double OldestAge() =>
        Volatile.Read(ref latest).OutboxOldestAt is { } at ? Math.Max(0, (time.GetUtcNow() - at).TotalSeconds) : 0;
}
