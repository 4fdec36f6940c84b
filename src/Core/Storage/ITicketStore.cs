using ContactCenter.Core.Statistics;
using ContactCenter.Core.Tickets;

namespace ContactCenter.Core.Storage;

/// <summary>
/// The ticket store. Narrow on purpose so that a PostgreSQL implementation is a small step: idempotent dispatch by
/// source key, follow-ups, backoffice queries and updates, quarantine records, the receipt outbox and the mode.
/// </summary>
public interface ITicketStore : IDisposable
{
    /// <summary>
    /// Of these source keys, those already dispatched or quarantined, in one call per batch. Each maps to its quarantine
    /// reason while the item is still set aside (its record not <see cref="QuarantineStatus.Retried"/>), else to null.
    /// </summary>
    Task<IReadOnlyDictionary<string, string?>> FindKnownSourcesAsync(IReadOnlyCollection<string> sourceKeys, CancellationToken cancellationToken);

    /// <summary>
    /// Stores a batch in one transaction and makes it durable before returning: new tickets, follow-ups appended,
    /// automatic mail attached or recorded, receipts queued in the outbox, and in the same transaction one
    /// <see cref="WebhookDelivery"/> per subscribed webhook for each ticket created (ticket.created) or changed by a
    /// follow-up or attached automatic mail (ticket.updated). Replays are no-ops (Duplicate).
    /// </summary>
    Task<IReadOnlyList<DispatchOutcome>> DispatchAsync(IReadOnlyList<DispatchRequest> batch, CancellationToken cancellationToken);

    Task<Ticket?> GetAsync(string number, CancellationToken cancellationToken);

    Task<IReadOnlyList<Ticket>> QueryAsync(TicketQuery query, CancellationToken cancellationToken);

    /// <summary>
    /// Every channel's ticket counts, counted where the tickets are: <c>status</c> must not load every ticket of a
    /// national service's store to count them. Ordered by channel name (ordinal). Overdue as <see cref="TicketQuery.OverdueAt"/>
    /// at <paramref name="now"/>.
    /// </summary>
    Task<IReadOnlyList<ChannelTicketSummary>> SummarizeTicketsAsync(DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>
    /// The statistics' fields of the tickets received in [<paramref name="receivedFrom"/>, <paramref name="receivedTo"/>)
    /// (either end open when null), read where the tickets are without loading whole tickets; in no particular order.
    /// </summary>
    Task<IReadOnlyList<TicketFacts>> ListTicketFactsAsync(DateTimeOffset? receivedFrom, DateTimeOffset? receivedTo, CancellationToken cancellationToken);

    /// <summary>
    /// Applies a backoffice change and appends its event, durably, queueing ticket.updated for the subscribed webhooks
    /// in the same transaction. Returns null if no such ticket.
    /// </summary>
    Task<Ticket?> UpdateAsync(string number, Func<Ticket, TicketEvent> change, CancellationToken cancellationToken);

    /// <summary>
    /// Records a quarantined item durably (its bytes are already archived). Idempotent by source key: returns the given
    /// instance when it was recorded, the existing record when the key had one (the pipeline counts only the former).
    /// </summary>
    Task<QuarantineRecord> QuarantineAsync(QuarantineRecord record, CancellationToken cancellationToken);

    Task<IReadOnlyList<QuarantineRecord>> ListQuarantineAsync(bool includeResolved, CancellationToken cancellationToken);

    Task<QuarantineRecord?> GetQuarantineAsync(int id, CancellationToken cancellationToken);

    /// <summary>
    /// Writes the record only while its stored status is still <paramref name="expected"/>, checked and written in one
    /// step: a discard and a retry of the same item may run at once, and the later one must not overwrite the first.
    /// False when another action changed the status first; <see cref="KeyNotFoundException"/> for an unknown id.
    /// </summary>
    Task<bool> UpdateQuarantineAsync(QuarantineRecord record, QuarantineStatus expected, CancellationToken cancellationToken);

    /// <summary>
    /// Holds an item judged spam durably (its bytes are already archived), with no ticket: idempotent by source key, and
    /// writes the <c>sources</c> row so a replay is acknowledged as already stored; a later dispatch of the same key (a
    /// release) is still allowed.
    /// </summary>
    Task<SpamRecord> HoldSpamAsync(SpamRecord record, CancellationToken cancellationToken);

    Task<IReadOnlyList<SpamRecord>> ListSpamAsync(bool includeResolved, CancellationToken cancellationToken);

    Task<SpamRecord?> GetSpamAsync(int id, CancellationToken cancellationToken);

    /// <summary>
    /// Writes the record only while its stored status is still <paramref name="expected"/>, checked and written in one
    /// step: a release and a confirm of the same item may run at once, and the later one must not overwrite the first.
    /// False when another action changed the status first; <see cref="KeyNotFoundException"/> for an unknown id.
    /// </summary>
    Task<bool> UpdateSpamAsync(SpamRecord record, SpamStatus expected, CancellationToken cancellationToken);

    Task<IReadOnlyList<OutboxMessage>> GetDueOutboxAsync(DateTimeOffset now, int max, CancellationToken cancellationToken);

    Task<int> CountOutboxAsync(bool pendingOnly, CancellationToken cancellationToken);

    /// <summary>Receipts queued for this address since the given instant (per-sender daily limit).</summary>
    Task<int> CountReceiptsToAsync(string address, DateTimeOffset since, CancellationToken cancellationToken);

    /// <summary>Saves an outbox row's new state (attempt, error, sent) and, when sent, the ticket's event, durably.</summary>
    Task UpdateOutboxAsync(OutboxMessage message, TicketEvent? ticketEvent, CancellationToken cancellationToken);

    /// <summary>
    /// Webhook deliveries neither delivered nor abandoned whose next attempt is due: for each webhook its oldest
    /// <paramref name="maxPerWebhook"/> (by id), all of them ordered by id. The limit is per webhook so that one
    /// receiver's backlog (down, or disabled) never takes the places of another's events. Rows of the webhooks in
    /// <paramref name="except"/> (the disabled ones, whose events wait) are not returned. Both stores look at every due
    /// row to choose (PostgreSQL only their ids and webhook names, LiteDB whole rows), as the pending summary already does
    /// at each run.
    /// </summary>
    Task<IReadOnlyList<WebhookDelivery>> GetDueWebhooksAsync(
        DateTimeOffset now, int maxPerWebhook, IReadOnlyCollection<string> except, CancellationToken cancellationToken);

    /// <summary>Saves a webhook delivery's new state (attempts, error, next attempt, delivered, abandoned), durably.</summary>
    Task UpdateWebhookAsync(WebhookDelivery delivery, CancellationToken cancellationToken);

    /// <summary>
    /// Per webhook that has rows: pending, oldest pending, delivered and abandoned counts. With
    /// <paramref name="pendingOnly"/> (what each delivery run reports to the gauges) only the pending rows are read and
    /// delivered and abandoned are 0: the finished rows of years are counted only when <c>status</c> asks.
    /// </summary>
    Task<IReadOnlyList<WebhookQueueSummary>> SummarizeWebhooksAsync(bool pendingOnly, CancellationToken cancellationToken);

    Task<ServiceMode> GetModeAsync(CancellationToken cancellationToken);

    Task SetModeAsync(ServiceMode mode, string actor, CancellationToken cancellationToken);

    /// <summary>
    /// Writes a consistent copy of the store's database to <paramref name="destinationPath"/> (a new file, flushed to
    /// disk), taken between two writes. Only the embedded store is one file to copy: the PostgreSQL store throws
    /// <see cref="NotSupportedException"/> naming PostgreSQL's own tools.
    /// </summary>
    Task BackupAsync(string destinationPath, CancellationToken cancellationToken);
}
