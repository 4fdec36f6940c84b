using ContactCenter.Core.Tickets;

namespace ContactCenter.Core.Intake;

/// <summary>
/// A channel's source: lists pending items and acknowledges (after the store commit) or rejects (to quarantine) them.
/// One instance per configured channel; never called concurrently (its job is non-concurrent).
/// </summary>
public interface IInboundSource : IAsyncDisposable
{
    string Name { get; }

    ChannelKind Channel { get; }

    /// <summary>
    /// Yields the pending items in batches. The caller stores and acknowledges each batch before asking for the
    /// next one, so a source may rely on acknowledged items no longer being pending; an
    /// <see cref="IPrefetchingSource"/> is asked for the next batch while the current one is stored instead.
    /// </summary>
    IAsyncEnumerable<InboundBatch> PollAsync(CancellationToken cancellationToken);

    /// <summary>Called only after the items' tickets are durably stored: move, flag or delete them at the source.</summary>
    ValueTask AcknowledgeAsync(IReadOnlyList<InboundItem> items, CancellationToken cancellationToken);

    /// <summary>Called after the item's bytes and reason are durably quarantined: move it aside at the source, never delete.</summary>
    ValueTask RejectAsync(InboundItem item, string reason, CancellationToken cancellationToken);
}
