using System.Runtime.CompilerServices;
using ContactCenter.Core.Intake;
using ContactCenter.Core.Storage;
using ContactCenter.Core.Tickets;

namespace ContactCenter.WebForm.Submission;

/// <summary>
/// A source of one item, the submission in hand, so it goes through the same pipeline as every channel's items
/// (normaliser, rules, due date, one durable dispatch with its receipt). It remembers what became of the item.
/// </summary>
internal sealed class SubmissionSource(InboundItem item) : IInboundSource, IDispatchObservingSource
{
    public string Name => item.ChannelName;

    public ChannelKind Channel => ChannelKind.WebForm;

    public DispatchOutcome? Outcome { get; private set; }

    public string? RejectedReason { get; private set; }

    /// <summary>True when the store already knew the item (a second click): neither dispatched nor rejected now.</summary>
    public bool Acknowledged { get; private set; }

    public async IAsyncEnumerable<InboundBatch> PollAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await Task.CompletedTask.ConfigureAwait(false);
        yield return new InboundBatch([item]);
    }

    public void Dispatched(IReadOnlyList<DispatchOutcome> outcomes) =>
        Outcome = outcomes.FirstOrDefault(o => o.SourceKey == item.SourceKey);

    // The citizen's browser is the source: nothing to move or delete there.
    public ValueTask AcknowledgeAsync(IReadOnlyList<InboundItem> items, CancellationToken cancellationToken)
    {
        Acknowledged = true;
        return ValueTask.CompletedTask;
    }

    public ValueTask RejectAsync(InboundItem rejected, string reason, CancellationToken cancellationToken)
    {
        RejectedReason = reason;
        return ValueTask.CompletedTask;
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}
