namespace ContactCenter.Core.Diagnostics;

/// <summary>
/// Lets one caller through per <paramref name="interval"/>, the first at once, without a lock: for what would cost more
/// than it tells or saves if done at every call (a standing warning, a clean-up beside each write).
/// </summary>
public sealed class IntervalGate(TimeProvider time, TimeSpan interval)
{
    private long _next;

    /// <summary>True for the one caller whose turn it is; the next true comes <paramref name="interval"/> later.</summary>
    public bool Due()
    {
        var now = time.GetUtcNow().UtcTicks;
        var due = Interlocked.Read(ref _next);
        return now >= due && Interlocked.CompareExchange(ref _next, now + interval.Ticks, due) == due;
    }
}
