using System.Globalization;
using ContactCenter.Core.Storage;
using ContactCenter.Core.Tickets;
using ContactCenter.Stores.PostgreSql;
using ContactCenter.Workers.Cli.Channels;
using ContactCenter.Workers.Control;
using ContactCenter.Workers.Scheduling;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;

namespace ContactCenter.Workers.Backoffice;

/// <summary>
/// Builds <see cref="ServiceStatusReport"/>: the store's figures always, the poll figures of
/// <see cref="ChannelStatusRegistry"/> only inside the running service (a CLI's registry has seen no poll).
/// </summary>
internal sealed class StatusReporter(
    ITicketStore store, IOptions<StoreOptions> storeOptions, ChannelCatalog catalog, ChannelStatusRegistry registry, TimeProvider time,
    IConfiguration configuration, ContactCenter.Channels.OAuth.OAuth2TokenRegistry? tokens = null, ChannelNodes? channelNodes = null,
    ClusterCheckIns? checkIns = null, ContactCenter.Channels.Email.MailboxQuotaRegistry? quotas = null, PostgreSqlStoreLocation? database = null)
{
    public string StorePath => Path.GetFullPath(storeOptions.Value.ResolvedDatabasePath);

    public async Task<ServiceStatusReport> BuildAsync(bool inService, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var mode = await store.GetModeAsync(cancellationToken).ConfigureAwait(false);
        var tickets = await store.SummarizeTicketsAsync(now, cancellationToken).ConfigureAwait(false);
        var backlog = await StoreBacklog.ReadAsync(store, now, cancellationToken).ConfigureAwait(false);
        var webhooks = await store.SummarizeWebhooksAsync(pendingOnly: false, cancellationToken).ConfigureAwait(false);
        var path = StorePath;
        return new ServiceStatusReport
        {
            ServiceRunning = inService,
            Version = Hosting.ServiceVersion.Current,
            At = now,
            Mode = mode,
            StorePath = path,
            Store = database?.Description ?? path,
            StoreBytes = database is null ? FileBytes(path) + FileBytes(path + "-log") : await database.SizeAsync(cancellationToken).ConfigureAwait(false),
            QuarantinePending = backlog.QuarantinePending,
            OutboxPending = backlog.OutboxPending,
            OutboxOldestAt = backlog.OutboxOldestAt,
            Tickets = tickets.Sum(t => t.Tickets),
            OpenTickets = tickets.Sum(t => t.Open),
            TicketsToReview = tickets.Sum(t => t.NeedsReview),
            OverdueTickets = tickets.Sum(t => t.Overdue),
            Channels = await WithNodesAsync(Channels(tickets, inService), cancellationToken).ConfigureAwait(false),
            ClusterNodes = checkIns is null ? [] : await checkIns.ListAsync(ClusteredScheduling.SchedulerName, cancellationToken).ConfigureAwait(false),
            Webhooks = webhooks,
            LastBackup = Core.Storage.Backup.BackupRecordFile.Read(Core.Storage.Backup.BackupRecordFile.PathFor(storeOptions.Value)),
            Disk = [.. new DiskSpace(new ServiceFolders(catalog, storeOptions, configuration)).Read().Select(f => new FolderSpace(f.Subject, f.Path, f.FreeBytes))],
        };
    }

    /// <summary>In a cluster, which node holds each channel (read from the shared database, so any node or CLI can tell).</summary>
    private async Task<List<ChannelStatusRow>> WithNodesAsync(List<ChannelStatusRow> rows, CancellationToken cancellationToken)
    {
        if (channelNodes is null)
        {
            return rows;
        }

        var job = ChannelTriggers.JobKey("");
        var nodes = await channelNodes.ReadAsync(ClusteredScheduling.SchedulerName, job.Group, job.Name, cancellationToken).ConfigureAwait(false);
        return [.. rows.Select(r => nodes.TryGetValue(r.Name, out var n)
            ? r with { Node = n.PollingNow ? $"{n.Node} (polling now)" : string.Create(CultureInfo.InvariantCulture, $"{n.Node} (last poll {n.LastPollAt:yyyy-MM-dd HH:mm:ss}Z)") }
            : r)];
    }

    private List<ChannelStatusRow> Channels(IReadOnlyList<ChannelTicketSummary> tickets, bool inService)
    {
        // Channel names as configured and as stored may differ in case (an admin renamed "URP" to "urp").
        var byChannel = tickets.GroupBy(t => t.ChannelName, StringComparer.OrdinalIgnoreCase)
            .ToDictionary(g => g.Key, g => g.ToList(), StringComparer.OrdinalIgnoreCase);
        var names = catalog.Channels.Select(c => c.Name)
            .Concat(byChannel.Keys.Where(k => catalog.Find(k) is null).Order(StringComparer.OrdinalIgnoreCase));
        return [.. names.Select(name => Row(name, byChannel.GetValueOrDefault(name) ?? [], inService))];
    }

    private ChannelStatusRow Row(string name, List<ChannelTicketSummary> tickets, bool inService)
    {
        // The last one made, by number (the store's summary): a message's own date says nothing (a late letter, a
        // mailbox fetched after an outage), nor does the order a store returns rows in.
        var last = tickets.Where(t => t.LastNumber is not null).MaxBy(t => t.LastNumber, StringComparer.Ordinal);
        var configured = catalog.Find(name);
        var row = new ChannelStatusRow
        {
            Name = name,
            Type = configured?.Factory.Type,
            Configured = configured is not null,
            Tickets = tickets.Sum(t => t.Tickets),
            OpenTickets = tickets.Sum(t => t.Open),
            TicketsToReview = tickets.Sum(t => t.NeedsReview),
            OverdueTickets = tickets.Sum(t => t.Overdue),
            LastTicketNumber = last?.LastNumber,
            LastTicketAt = last?.LastReceivedAt,
        };
        if (!inService)
        {
            return row;
        }

        var status = registry.Get(name);
        return row with
        {
            LastSuccessAt = status.LastSuccessAt,
            LastErrorAt = status.LastErrorAt,
            LastError = status.LastError,
            FailingSince = status.FailingSince,
            ConsecutiveFailures = status.ConsecutiveFailures,
            ItemsToday = registry.ItemsToday(status),
            OAuth2 = tokens?.StatusOf(name),
            MailboxQuota = quotas?.Of(name),
        };
    }

    private static long FileBytes(string path) => File.Exists(path) ? new FileInfo(path).Length : 0;
}
