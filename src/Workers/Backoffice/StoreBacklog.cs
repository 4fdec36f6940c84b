using ContactCenter.Core.Storage;

namespace ContactCenter.Workers.Backoffice;

/// <summary>What waits for someone in the store: receipts not yet sent (and the oldest's age) and quarantined items.</summary>
internal sealed record StoreBacklog(int OutboxPending, DateTimeOffset? OutboxOldestAt, int QuarantinePending)
{
    public static readonly StoreBacklog Empty = new(0, null, 0);

    public static async Task<StoreBacklog> ReadAsync(ITicketStore store, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var pending = await store.CountOutboxAsync(pendingOnly: true, cancellationToken).ConfigureAwait(false);
        var oldest = pending == 0 ? null
            : (await store.GetDueOutboxAsync(now.AddYears(100), 1, cancellationToken).ConfigureAwait(false)).FirstOrDefault()?.CreatedAt;
        var quarantined = (await store.ListQuarantineAsync(includeResolved: false, cancellationToken).ConfigureAwait(false)).Count;
        return new StoreBacklog(pending, oldest, quarantined);
    }
}
