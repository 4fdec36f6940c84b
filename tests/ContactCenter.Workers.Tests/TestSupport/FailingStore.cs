using ContactCenter.Core.Storage;

namespace ContactCenter.Workers.Tests.TestSupport;

/// <summary>The real store with DispatchAsync failing on demand (a full disk, a store bug).</summary>
internal sealed class FailingStore(ITicketStore inner) : TicketStoreDecorator
{
    public bool FailDispatch { get; set; }

    protected override ITicketStore Inner => inner;

    public override Task<IReadOnlyList<DispatchOutcome>> DispatchAsync(IReadOnlyList<DispatchRequest> batch, CancellationToken cancellationToken) =>
        FailDispatch ? throw new IOException("No space left on device") : inner.DispatchAsync(batch, cancellationToken);
}
