using ContactCenter.Core.Tickets;

namespace ContactCenter.Core.Storage;

/// <summary>
/// Opens the real store on first use, so a host can be built (for <c>--help</c>, or a verb that talks to the running
/// service) without touching, creating or locking the database file.
/// </summary>
internal sealed class LazyTicketStore(Func<ITicketStore> open) : ITicketStore
{
    private readonly Lazy<ITicketStore> _store = new(open, LazyThreadSafetyMode.ExecutionAndPublication);

    public bool IsOpen => _store.IsValueCreated;

    private ITicketStore S => _store.Value;

    public Task<bool> IsKnownSourceAsync(string sourceKey, CancellationToken cancellationToken) => S.IsKnownSourceAsync(sourceKey, cancellationToken);

    public Task<IReadOnlyList<DispatchOutcome>> DispatchAsync(IReadOnlyList<DispatchRequest> batch, CancellationToken cancellationToken) => S.DispatchAsync(batch, cancellationToken);

    public Task<Ticket?> GetAsync(string number, CancellationToken cancellationToken) => S.GetAsync(number, cancellationToken);

    public Task<IReadOnlyList<Ticket>> QueryAsync(TicketQuery query, CancellationToken cancellationToken) => S.QueryAsync(query, cancellationToken);

    public Task<Ticket?> UpdateAsync(string number, Func<Ticket, TicketEvent> change, CancellationToken cancellationToken) => S.UpdateAsync(number, change, cancellationToken);

    public Task<QuarantineRecord> QuarantineAsync(QuarantineRecord record, CancellationToken cancellationToken) => S.QuarantineAsync(record, cancellationToken);

    public Task<IReadOnlyList<QuarantineRecord>> ListQuarantineAsync(bool includeResolved, CancellationToken cancellationToken) => S.ListQuarantineAsync(includeResolved, cancellationToken);

    public Task<QuarantineRecord?> GetQuarantineAsync(int id, CancellationToken cancellationToken) => S.GetQuarantineAsync(id, cancellationToken);

    public Task UpdateQuarantineAsync(QuarantineRecord record, CancellationToken cancellationToken) => S.UpdateQuarantineAsync(record, cancellationToken);

    public Task<IReadOnlyList<OutboxMessage>> GetDueOutboxAsync(DateTimeOffset now, int max, CancellationToken cancellationToken) => S.GetDueOutboxAsync(now, max, cancellationToken);

    public Task<int> CountOutboxAsync(bool pendingOnly, CancellationToken cancellationToken) => S.CountOutboxAsync(pendingOnly, cancellationToken);

    public Task<int> CountReceiptsToAsync(string address, DateTimeOffset since, CancellationToken cancellationToken) => S.CountReceiptsToAsync(address, since, cancellationToken);

    public Task UpdateOutboxAsync(OutboxMessage message, TicketEvent? ticketEvent, CancellationToken cancellationToken) => S.UpdateOutboxAsync(message, ticketEvent, cancellationToken);

    public Task<ServiceMode> GetModeAsync(CancellationToken cancellationToken) => S.GetModeAsync(cancellationToken);

    public Task SetModeAsync(ServiceMode mode, string actor, CancellationToken cancellationToken) => S.SetModeAsync(mode, actor, cancellationToken);

    public void Dispose()
    {
        if (_store.IsValueCreated)
        {
            _store.Value.Dispose();
        }
    }
}
