using ContactCenter.Core.Storage;

namespace ContactCenter.Workers.Tests.TestSupport;

/// <summary>The real store with DispatchAsync failing on demand (a full disk, a store bug).</summary>
internal sealed class FailingStore(ITicketStore inner) : TicketStoreDecorator
{
    public bool FailDispatch { get; set; }

    /// <summary>Source keys the store refuses, as LiteDB refuses a document over its size limit: the item's fault, not the store's.</summary>
    public HashSet<string> Refused { get; } = [];

    protected override ITicketStore Inner => inner;

    public override Task<IReadOnlyList<DispatchOutcome>> DispatchAsync(IReadOnlyList<DispatchRequest> batch, CancellationToken cancellationToken) =>
        FailDispatch ? throw new IOException("No space left on device")
        : batch.Any(r => Refused.Contains(r.Draft.SourceKey)) ? throw new InvalidOperationException("Document size exceed 16683050 limit")
        : inner.DispatchAsync(batch, cancellationToken);
}
