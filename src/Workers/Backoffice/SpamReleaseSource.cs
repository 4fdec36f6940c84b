using System.Runtime.CompilerServices;
using ContactCenter.Core.Intake;
using ContactCenter.Core.Storage;
using ContactCenter.Core.Tickets;

namespace ContactCenter.Workers.Backoffice;

/// <summary>A source of one item, a held spam original read back from the archive; it remembers what the store made of it.</summary>
internal sealed class SpamReleaseSource(InboundItem item) : IInboundSource, IDispatchObservingSource
{
    public string Name => item.ChannelName;

    public ChannelKind Channel => item.Channel;

    public string? RejectedReason { get; private set; }

    public DispatchOutcome? Outcome { get; private set; }

    public async IAsyncEnumerable<InboundBatch> PollAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await Task.CompletedTask.ConfigureAwait(false);
        yield return new InboundBatch([item]);
    }

    public void Dispatched(IReadOnlyList<DispatchOutcome> outcomes) => Outcome ??= outcomes.FirstOrDefault(o => o.TicketNumber is not null);

    // Nothing to acknowledge: the original stays in the archive.
    public ValueTask AcknowledgeAsync(IReadOnlyList<InboundItem> items, CancellationToken cancellationToken) => ValueTask.CompletedTask;

    public ValueTask RejectAsync(InboundItem rejected, string reason, CancellationToken cancellationToken)
    {
        RejectedReason = reason;
        return ValueTask.CompletedTask;
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}
