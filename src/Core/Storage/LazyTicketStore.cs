namespace ContactCenter.Core.Storage;

/// <summary>
/// Opens the real store on first use, so a host can be built (for <c>--help</c>, or a verb that talks to the running
/// service) without touching, creating or locking the database file.
/// </summary>
internal sealed class LazyTicketStore(Func<ITicketStore> open) : TicketStoreDecorator
{
    private readonly Lazy<ITicketStore> _store = new(open, LazyThreadSafetyMode.ExecutionAndPublication);

    protected override ITicketStore Inner => _store.Value;

    public override void Dispose()
    {
        if (_store.IsValueCreated)
        {
            _store.Value.Dispose();
        }
    }
}
