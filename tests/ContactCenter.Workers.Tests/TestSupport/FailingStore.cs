using ContactCenter.Core.Storage;
using ContactCenter.Core.Tickets;

namespace ContactCenter.Workers.Tests.TestSupport;

/// <summary>The real store with DispatchAsync failing on demand (a full disk, a store bug).</summary>
internal sealed class FailingStore(ITicketStore inner) : ITicketStore
{
    public bool FailDispatch { get; set; }

    public Task<bool> IsKnownSourceAsync(string sourceKey, CancellationToken cancellationToken) => inner.IsKnownSourceAsync(sourceKey, cancellationToken);

    public Task<IReadOnlyList<DispatchOutcome>> DispatchAsync(IReadOnlyList<DispatchRequest> batch, CancellationToken cancellationToken) =>
        FailDispatch ? throw new IOException("No space left on device") : inner.DispatchAsync(batch, cancellationToken);

    public Task<Ticket?> GetAsync(string number, CancellationToken cancellationToken) => inner.GetAsync(number, cancellationToken);

    public Task<IReadOnlyList<Ticket>> QueryAsync(TicketQuery query, CancellationToken cancellationToken) => inner.QueryAsync(query, cancellationToken);

    public Task<Ticket?> UpdateAsync(string number, Func<Ticket, TicketEvent> change, CancellationToken cancellationToken) => inner.UpdateAsync(number, change, cancellationToken);

    public Task<QuarantineRecord> QuarantineAsync(QuarantineRecord record, CancellationToken cancellationToken) => inner.QuarantineAsync(record, cancellationToken);

    public Task<IReadOnlyList<QuarantineRecord>> ListQuarantineAsync(bool includeResolved, CancellationToken cancellationToken) => inner.ListQuarantineAsync(includeResolved, cancellationToken);

    public Task<QuarantineRecord?> GetQuarantineAsync(int id, CancellationToken cancellationToken) => inner.GetQuarantineAsync(id, cancellationToken);

    public Task UpdateQuarantineAsync(QuarantineRecord record, CancellationToken cancellationToken) => inner.UpdateQuarantineAsync(record, cancellationToken);

    public Task<IReadOnlyList<OutboxMessage>> GetDueOutboxAsync(DateTimeOffset now, int max, CancellationToken cancellationToken) => inner.GetDueOutboxAsync(now, max, cancellationToken);

    public Task<int> CountOutboxAsync(bool pendingOnly, CancellationToken cancellationToken) => inner.CountOutboxAsync(pendingOnly, cancellationToken);

    public Task<int> CountReceiptsToAsync(string address, DateTimeOffset since, CancellationToken cancellationToken) => inner.CountReceiptsToAsync(address, since, cancellationToken);

    public Task UpdateOutboxAsync(OutboxMessage message, TicketEvent? ticketEvent, CancellationToken cancellationToken) => inner.UpdateOutboxAsync(message, ticketEvent, cancellationToken);

    public Task<ServiceMode> GetModeAsync(CancellationToken cancellationToken) => inner.GetModeAsync(cancellationToken);

    public Task SetModeAsync(ServiceMode mode, string actor, CancellationToken cancellationToken) => inner.SetModeAsync(mode, actor, cancellationToken);

    public void Dispose() => inner.Dispose();
}
