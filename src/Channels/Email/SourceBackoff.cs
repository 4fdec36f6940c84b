namespace ContactCenter.Channels.Email;

/// <summary>
/// Exponential backoff of one source after connection failures, so a broken account is not hammered at every
/// poll; the scheduler's own retry policy comes on top of this.
/// </summary>
internal sealed class SourceBackoff(TimeProvider timeProvider, TimeSpan initialDelay, TimeSpan maxDelay)
{
    private DateTimeOffset _retryAt = DateTimeOffset.MinValue;

    public int Failures { get; private set; }

    /// <summary>True while a failure's delay has not elapsed; <paramref name="remaining"/> says how long is left.</summary>
    public bool IsBackingOff(out TimeSpan remaining)
    {
        remaining = _retryAt - timeProvider.GetUtcNow();
        return Failures > 0 && remaining > TimeSpan.Zero;
    }

    /// <summary>Records a failure and returns the delay before the next attempt.</summary>
    public TimeSpan RecordFailure()
    {
        Failures++;
        var factor = Math.Pow(2, Math.Min(Failures - 1, 20));
        var delay = TimeSpan.FromTicks((long)Math.Min(initialDelay.Ticks * factor, maxDelay.Ticks));
        _retryAt = timeProvider.GetUtcNow() + delay;
        return delay;
    }

    public void Reset()
    {
        Failures = 0;
        _retryAt = DateTimeOffset.MinValue;
    }
}
