namespace ContactCenter.Core.Intake;

/// <summary>
/// A source that pauses itself after failures (a mailbox whose server is down). While it does, a poll returns nothing,
/// which must not count as a successful poll: the channel is still failing as far as health is concerned.
/// </summary>
public interface IBackoffReportingSource
{
    bool IsBackingOff { get; }
}
