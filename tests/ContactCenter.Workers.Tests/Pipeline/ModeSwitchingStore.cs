using ContactCenter.Core.Storage;

namespace ContactCenter.Workers.Tests.Pipeline;

/// <summary>The real store, counting the service mode's reads and running <see cref="AfterDispatch"/> once each batch has committed (with its number, from 1).</summary>
internal sealed class ModeSwitchingStore(ITicketStore inner) : TicketStoreDecorator
{
    private int _reads;
    private int _dispatches;

    public int ModeReads => Volatile.Read(ref _reads);

    public Func<int, Task> AfterDispatch { get; set; } = _ => Task.CompletedTask;

    protected override ITicketStore Inner => inner;

    public override Task<ServiceMode> GetModeAsync(CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _reads);
        return inner.GetModeAsync(cancellationToken);
    }

    public override async Task<IReadOnlyList<DispatchOutcome>> DispatchAsync(IReadOnlyList<DispatchRequest> batch, CancellationToken cancellationToken)
    {
        var outcomes = await inner.DispatchAsync(batch, cancellationToken);
        await AfterDispatch(Interlocked.Increment(ref _dispatches));
        return outcomes;
    }
}
