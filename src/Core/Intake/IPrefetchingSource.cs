namespace ContactCenter.Core.Intake;

/// <summary>
/// A source whose next batch may be fetched while the pipeline still stores the current one. It promises that its
/// <see cref="IInboundSource.AcknowledgeAsync"/> and <see cref="IInboundSource.RejectAsync"/> may run while a fetch
/// is in progress (it serialises its own connection), that a fetch never releases the buffers of the batch before it,
/// and that acknowledging needs only the items' keys and state, not their contents: a committed batch's
/// acknowledgement may still run while the batch after next is fetched into its buffers. The pipeline keeps at most
/// two batches' contents in flight and still acknowledges each batch only after its commit, in order.
/// </summary>
public interface IPrefetchingSource : IInboundSource
{
    /// <summary>False turns the prefetch off (a decorator around a source that cannot prefetch says so here).</summary>
    bool FetchesAhead { get; }
}
