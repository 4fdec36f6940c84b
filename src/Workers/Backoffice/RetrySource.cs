using System.Runtime.CompilerServices;
using ContactCenter.Core.Intake;
using ContactCenter.Core.Tickets;

namespace ContactCenter.Workers.Backoffice;

/// <summary>A source of one item: a quarantined original read back from the archive, for the pipeline to try again.</summary>
internal sealed class RetrySource(InboundItem item) : IInboundSource
{
    public string Name => item.ChannelName;

    public ChannelKind Channel => item.Channel;

    public string? RejectedReason { get; private set; }

    public async IAsyncEnumerable<InboundBatch> PollAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await Task.CompletedTask.ConfigureAwait(false);
        yield return new InboundBatch([item]);
    }

    // Nothing to acknowledge: the original stays in the archive.
    public ValueTask AcknowledgeAsync(IReadOnlyList<InboundItem> items, CancellationToken cancellationToken) => ValueTask.CompletedTask;

    public ValueTask RejectAsync(InboundItem rejected, string reason, CancellationToken cancellationToken)
    {
        RejectedReason = reason;
        return ValueTask.CompletedTask;
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}
