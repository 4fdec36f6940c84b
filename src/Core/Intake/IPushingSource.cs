namespace ContactCenter.Core.Intake;

/// <summary>
/// A source that can tell, between polls, that new items have arrived (an IMAP mailbox in IDLE), so the service polls
/// it at once instead of at its next scheduled time. The schedule stays: it catches whatever a lost notice missed.
/// </summary>
public interface IPushingSource
{
    /// <summary>
    /// Calls <paramref name="arrived"/> when new items may be waiting, until cancelled; returns early when the source
    /// cannot push (not configured, or the server lacks the extension). Connection failures are retried inside.
    /// </summary>
    Task WatchAsync(Func<CancellationToken, Task> arrived, CancellationToken cancellationToken);
}
