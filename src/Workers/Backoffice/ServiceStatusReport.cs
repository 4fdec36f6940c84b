using ContactCenter.Core.Storage;

namespace ContactCenter.Workers.Backoffice;

/// <summary>
/// What <c>status</c> shows. Poll figures (last success, last error, items today) exist only when the running service
/// answered; without it, the store's last ticket and counts per channel are all there is.
/// </summary>
internal sealed record ServiceStatusReport
{
    public bool ServiceRunning { get; init; }

    /// <summary>The version of the program that made the report: the running service's when it answered.</summary>
    public string Version { get; init; } = "";
    public DateTimeOffset At { get; init; }
    public ServiceMode Mode { get; init; }

    /// <summary>This node's LiteDB file: the store's owner on one machine, so also what tells one service from another.</summary>
    public string StorePath { get; init; } = "";

    /// <summary>Where the tickets are: <see cref="StorePath"/> on LiteDB, the server and database on PostgreSQL.</summary>
    public string Store { get; init; } = "";

    /// <summary>The store's size: the LiteDB file and its log, or the PostgreSQL database.</summary>
    public long StoreBytes { get; init; }
    public int QuarantinePending { get; init; }
    public int OutboxPending { get; init; }
    public DateTimeOffset? OutboxOldestAt { get; init; }
    public int Tickets { get; init; }
    public int OpenTickets { get; init; }

    /// <summary>Tickets flagged for an operator's look and not yet marked reviewed (<c>tickets list --review</c>).</summary>
    public int TicketsToReview { get; init; }

    /// <summary>Open, not suspended, past their due date when the report was made (<c>tickets list --overdue</c>).</summary>
    public int OverdueTickets { get; init; }
    public IReadOnlyList<ChannelStatusRow> Channels { get; init; } = [];

    /// <summary>In a cluster, every node that has checked in, with how long ago and the version it runs; empty on one machine.</summary>
    public IReadOnlyList<Stores.PostgreSql.ClusterNodeCheckIn> ClusterNodes { get; init; } = [];

    /// <summary>Per webhook: events waiting, the oldest's time, delivered and abandoned counts, the last error.</summary>
    public IReadOnlyList<WebhookQueueSummary> Webhooks { get; init; } = [];

    /// <summary>The last <c>store backup</c> of this store (LiteDB), or null when none is recorded.</summary>
    public Core.Storage.Backup.BackupRecord? LastBackup { get; init; }

    /// <summary>Free space under the store's folders on the machine that answered (data, archive, quarantine) and the temp folder.</summary>
    public IReadOnlyList<FolderSpace> Disk { get; init; } = [];
}
