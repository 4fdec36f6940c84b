using ContactCenter.Core.Storage;
using ContactCenter.Workers.Tests.TestSupport;

namespace ContactCenter.Workers.Tests.Pipeline;

/// <summary>
/// The real store, logging each batch's commit by the first source key in it; it can fail one dispatch (number
/// <see cref="FailDispatch"/>, from 1) after waiting for <see cref="HoldFailureUntil"/>, as a crash at that commit, and
/// say when one has committed (<see cref="SignalCommit"/>).
/// </summary>
internal sealed class RecordingStore(ITicketStore inner, PipelineEventLog log) : TicketStoreDecorator
{
    private int dispatches;

    public int FailDispatch { get; set; }

    public TaskCompletionSource DispatchStarted { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public Task HoldFailureUntil { get; set; } = Task.CompletedTask;

    /// <summary>Completed once dispatch number <see cref="SignalCommit"/> (from 1) has committed.</summary>
    public TaskCompletionSource Committed { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public int SignalCommit { get; set; }

    protected override ITicketStore Inner => inner;

    public override async Task<IReadOnlyList<DispatchOutcome>> DispatchAsync(IReadOnlyList<DispatchRequest> batch, CancellationToken cancellationToken)
    {
        var number = Interlocked.Increment(ref dispatches);
        var first = batch[0].Draft.SourceKey;
        if (number == FailDispatch)
        {
            DispatchStarted.TrySetResult();
            await HoldFailureUntil.WaitAsync(TimeSpan.FromSeconds(30), cancellationToken);
            log.Add($"failed {first}");
            throw new IOException("No space left on device");
        }

        var outcomes = await inner.DispatchAsync(batch, cancellationToken);
        log.Add($"commit {first}");
        if (number == SignalCommit)
        {
            Committed.TrySetResult();
        }

        return outcomes;
    }
}
