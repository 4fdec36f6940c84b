using ContactCenter.Core.Diagnostics;

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

    private readonly IntervalGate _gate = new(timeProvider, RepeatEvery);

    /// <summary>
    /// Which standing warnings this connect logs: certificates left unchecked, and no TLS to a host that is not this
    /// machine. Both pass the same <paramref name="gate"/> (none: a one-off check, always due), so a connect says both or
    /// neither, and the gate only counts connects that have something to say.
    /// </summary>
    public static (bool UncheckedCertificates, bool Cleartext) ToLog(
        ConnectionWarnings? gate, bool acceptInvalidCertificates, bool withoutTls, string host)
    {
        var cleartext = withoutTls && !Core.Channels.LoopbackHost.Is(host);
        var due = (acceptInvalidCertificates || cleartext) && (gate?.Due() ?? true);
        return (acceptInvalidCertificates && due, cleartext && due);
    }

    /// <summary>True when this connect logs the warnings; the next true comes <see cref="RepeatEvery"/> later.</summary>
    public bool Due() => _gate.Due();
}
