using ContactCenter.Core.Intake;

namespace ContactCenter.Core.Screening;

/// <summary>
/// A step between normalisation and routing that judges a draft (spam engine, the MTA's verdict headers, sender
/// authentication) and records the verdict in its metadata under <see cref="MailScreeningKeys"/>. It must not throw for
/// an engine that is down: that is the verdict <see cref="SpamVerdict.Unchecked"/>. One that throws anyway (a message
/// it cannot read) leaves the draft unchecked, with the error in its metadata; the batch goes on.
/// </summary>
public interface IDraftScreen
{
    ValueTask ScreenAsync(TicketDraft draft, CancellationToken cancellationToken);
}
