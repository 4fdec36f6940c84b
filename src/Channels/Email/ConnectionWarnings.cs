namespace ContactCenter.Channels.Email;

/// <summary>
/// When a connection's standing security warnings (no TLS, certificates not checked) are logged: at its first
/// connect, then once a day while the setting lasts. A POP3 channel polled every minute connects 1,440 times a day,
/// and a warning repeated at every connect buries the rest of the log and teaches admins to skip it. A one-off check
/// (<c>channels check</c>) passes no gate and warns every time.
/// </summary>
internal sealed class ConnectionWarnings(TimeProvider timeProvider)
{
    public static readonly TimeSpan RepeatEvery = TimeSpan.FromDays(1);

    private readonly Lock _gate = new();
    private DateTimeOffset? _lastWarned;

    /// <summary>True when this connect logs the warnings; the next true comes <see cref="RepeatEvery"/> later.</summary>
    public bool Due()
    {
        var now = timeProvider.GetUtcNow();
        lock (_gate)
        {
            if (_lastWarned is { } last && now - last < RepeatEvery)
            {
                return false;
            }

            _lastWarned = now;
            return true;
        }
    }
}
