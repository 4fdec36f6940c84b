using ContactCenter.Core.Intake;
using ContactCenter.Core.Tickets;
using ContactCenter.Workers.Tests.TestSupport;

namespace ContactCenter.Workers.Tests.Pipeline;

/// <summary>A memory source that says it fetches ahead, so the pipeline normalises the next batch while storing one.</summary>
internal sealed class PrefetchingSource(MemorySource inner) : IPrefetchingSource
{
    public MemorySource Inner => inner;

    public string Name => inner.Name;

    public ChannelKind Channel => inner.Channel;

    public bool FetchesAhead => true;

    public IAsyncEnumerable<InboundBatch> PollAsync(CancellationToken cancellationToken) => inner.PollAsync(cancellationToken);

    public ValueTask AcknowledgeAsync(IReadOnlyList<InboundItem> items, CancellationToken cancellationToken) =>
        inner.AcknowledgeAsync(items, cancellationToken);

    public ValueTask RejectAsync(InboundItem item, string reason, CancellationToken cancellationToken) =>
        inner.RejectAsync(item, reason, cancellationToken);

    public ValueTask DisposeAsync() => inner.DisposeAsync();
}
