using ContactCenter.Core.Statistics;
using ContactCenter.Core.Tickets;

namespace ContactCenter.Core.Storage;

/// <summary>
/// Passes every call on to <see cref="Inner"/>, so a wrapper (opening the store lazily, a test's failing store)
/// overrides only what it changes and a new store operation is forwarded in one place.
/// </summary>
internal abstract class TicketStoreDecorator : ITicketStore
{
    protected abstract ITicketStore Inner { get; }

    public virtual Task<IReadOnlyDictionary<string, string?>> FindKnownSourcesAsync(IReadOnlyCollection<string> sourceKeys, CancellationToken cancellationToken) =>
        Inner.FindKnownSourcesAsync(sourceKeys, cancellationToken);

    public virtual Task<IReadOnlyList<DispatchOutcome>> DispatchAsync(IReadOnlyList<DispatchRequest> batch, CancellationToken cancellationToken) => Inner.DispatchAsync(batch, cancellationToken);

    public virtual Task<Ticket?> GetAsync(string number, CancellationToken cancellationToken) => Inner.GetAsync(number, cancellationToken);

    public virtual Task<IReadOnlyList<Ticket>> QueryAsync(TicketQuery query, CancellationToken cancellationToken) => Inner.QueryAsync(query, cancellationToken);

    public virtual Task<IReadOnlyList<ChannelTicketSummary>> SummarizeTicketsAsync(DateTimeOffset now, CancellationToken cancellationToken) =>
        Inner.SummarizeTicketsAsync(now, cancellationToken);

    public virtual Task<IReadOnlyList<TicketFacts>> ListTicketFactsAsync(DateTimeOffset? receivedFrom, DateTimeOffset? receivedTo, CancellationToken cancellationToken) =>
        Inner.ListTicketFactsAsync(receivedFrom, receivedTo, cancellationToken);

    public virtual Task<Ticket?> UpdateAsync(string number, Func<Ticket, TicketEvent> change, CancellationToken cancellationToken) => Inner.UpdateAsync(number, change, cancellationToken);

    public virtual Task<QuarantineRecord> QuarantineAsync(QuarantineRecord record, CancellationToken cancellationToken) => Inner.QuarantineAsync(record, cancellationToken);

    public virtual Task<IReadOnlyList<QuarantineRecord>> ListQuarantineAsync(bool includeResolved, CancellationToken cancellationToken) => Inner.ListQuarantineAsync(includeResolved, cancellationToken);

    public virtual Task<QuarantineRecord?> GetQuarantineAsync(int id, CancellationToken cancellationToken) => Inner.GetQuarantineAsync(id, cancellationToken);

    public virtual Task<bool> UpdateQuarantineAsync(QuarantineRecord record, QuarantineStatus expected, CancellationToken cancellationToken) => Inner.UpdateQuarantineAsync(record, expected, cancellationToken);

    public virtual Task<SpamRecord> HoldSpamAsync(SpamRecord record, CancellationToken cancellationToken) => Inner.HoldSpamAsync(record, cancellationToken);

    public virtual Task<IReadOnlyList<SpamRecord>> ListSpamAsync(bool includeResolved, CancellationToken cancellationToken) => Inner.ListSpamAsync(includeResolved, cancellationToken);

    public virtual Task<SpamRecord?> GetSpamAsync(int id, CancellationToken cancellationToken) => Inner.GetSpamAsync(id, cancellationToken);

    public virtual Task<bool> UpdateSpamAsync(SpamRecord record, SpamStatus expected, CancellationToken cancellationToken) => Inner.UpdateSpamAsync(record, expected, cancellationToken);

    public virtual Task<IReadOnlyList<OutboxMessage>> GetDueOutboxAsync(DateTimeOffset now, int max, CancellationToken cancellationToken) => Inner.GetDueOutboxAsync(now, max, cancellationToken);

    public virtual Task<int> CountOutboxAsync(bool pendingOnly, CancellationToken cancellationToken) => Inner.CountOutboxAsync(pendingOnly, cancellationToken);

    public virtual Task<int> CountReceiptsToAsync(string address, DateTimeOffset since, CancellationToken cancellationToken) => Inner.CountReceiptsToAsync(address, since, cancellationToken);

    public virtual Task UpdateOutboxAsync(OutboxMessage message, TicketEvent? ticketEvent, CancellationToken cancellationToken) => Inner.UpdateOutboxAsync(message, ticketEvent, cancellationToken);

    public virtual Task<IReadOnlyList<WebhookDelivery>> GetDueWebhooksAsync(
        DateTimeOffset now, int maxPerWebhook, IReadOnlyCollection<string> except, CancellationToken cancellationToken) =>
        Inner.GetDueWebhooksAsync(now, maxPerWebhook, except, cancellationToken);

    public virtual Task UpdateWebhookAsync(WebhookDelivery delivery, CancellationToken cancellationToken) => Inner.UpdateWebhookAsync(delivery, cancellationToken);

    public virtual Task<IReadOnlyList<WebhookQueueSummary>> SummarizeWebhooksAsync(bool pendingOnly, CancellationToken cancellationToken) =>
        Inner.SummarizeWebhooksAsync(pendingOnly, cancellationToken);

    public virtual Task BackupAsync(string destinationPath, CancellationToken cancellationToken) =>
        Inner.BackupAsync(destinationPath, cancellationToken);

    public virtual Task<ServiceMode> GetModeAsync(CancellationToken cancellationToken) => Inner.GetModeAsync(cancellationToken);

    public virtual Task SetModeAsync(ServiceMode mode, string actor, CancellationToken cancellationToken) => Inner.SetModeAsync(mode, actor, cancellationToken);

    public virtual void Dispose() => Inner.Dispose();
}
