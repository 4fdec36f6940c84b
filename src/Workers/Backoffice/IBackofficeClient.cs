using ContactCenter.Core.Statistics;
using ContactCenter.Core.Storage;
using ContactCenter.Core.Tickets;

namespace ContactCenter.Workers.Backoffice;

/// <summary>
/// Everything the admin verbs and a backoffice application do with the store. One process owns the store (the running
/// service): a client either talks to it over the control endpoint (<see cref="HttpBackofficeClient"/>) or, when no
/// service runs, opens the store itself (<see cref="LocalBackofficeClient"/>).
/// </summary>
internal interface IBackofficeClient : IAsyncDisposable
{
    /// <summary>"service at http://127.0.0.1:5280" or "store /var/lib/contactcenter/tickets.db", for messages.</summary>
    string Description { get; }

    Task<ServiceStatusReport> GetStatusAsync(CancellationToken cancellationToken);

    Task<IReadOnlyList<Ticket>> ListTicketsAsync(TicketFilter filter, CancellationToken cancellationToken);

    Task<Ticket?> GetTicketAsync(string number, CancellationToken cancellationToken);

    /// <summary>
    /// Opens one of the ticket's files (<see cref="TicketFiles"/>) by its SHA-256; null when there is no such ticket or
    /// the ticket has no such file. A file the ticket names but the archive lacks throws <see cref="ArchivedFileMissingException"/>.
    /// </summary>
    Task<ArchivedFile?> OpenTicketFileAsync(string number, string sha256, CancellationToken cancellationToken);

    /// <summary>Opens a ticket for a call registered by an operator; idempotent by the request's id.</summary>
    Task<TicketOpenResult> OpenTicketAsync(TicketOpenRequest request, CancellationToken cancellationToken);

    Task<TicketChangeResult> ChangeTicketAsync(string number, TicketAction action, TicketChange change, CancellationToken cancellationToken);

    Task<ServiceMode> GetModeAsync(CancellationToken cancellationToken);

    Task<ModeChangeResult> SetModeAsync(ServiceMode mode, string actor, CancellationToken cancellationToken);

    Task<IReadOnlyList<QuarantineRecord>> ListQuarantineAsync(bool includeResolved, CancellationToken cancellationToken);

    Task<QuarantineRecord?> GetQuarantineAsync(int id, CancellationToken cancellationToken);

    Task<QuarantineActionResult> RetryQuarantineAsync(int id, string actor, CancellationToken cancellationToken);

    Task<QuarantineActionResult> DiscardQuarantineAsync(int id, string reason, string actor, CancellationToken cancellationToken);

    Task<IReadOnlyList<SpamRecord>> ListSpamAsync(bool includeResolved, CancellationToken cancellationToken);

    Task<SpamRecord?> GetSpamAsync(int id, CancellationToken cancellationToken);

    /// <summary>A quarantined item's original, to look at before a retry or discard; null when there is no such item or it has none.</summary>
    Task<ArchivedFile?> OpenQuarantineOriginalAsync(int id, CancellationToken cancellationToken);

    /// <summary>A held spam item's original, to look at before a release; null when there is no such item or it has none.</summary>
    Task<ArchivedFile?> OpenSpamOriginalAsync(int id, CancellationToken cancellationToken);

    /// <summary>A false positive: the held original becomes a normal ticket (with its receipt); rspamd learns it as ham.</summary>
    Task<SpamActionResult> ReleaseSpamAsync(int id, string actor, CancellationToken cancellationToken);

    /// <summary>Spam indeed: the record stays held for good; rspamd learns it as spam.</summary>
    Task<SpamActionResult> ConfirmSpamAsync(int id, string actor, CancellationToken cancellationToken);

    /// <summary>
    /// A consistent copy of the store taken between two writes (<see cref="ITicketStore.BackupAsync"/>), open for reading
    /// (a private file deleted when closed, or the running service's response); a PostgreSQL store throws <see cref="NotSupportedException"/> naming its own tools.
    /// </summary>
    Task<Stream> OpenStoreSnapshotAsync(CancellationToken cancellationToken);

    Task<TicketStatistics> GetStatisticsAsync(DateOnly? from, DateOnly? to, CancellationToken cancellationToken);
}
