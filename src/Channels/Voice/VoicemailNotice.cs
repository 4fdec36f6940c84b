namespace ContactCenter.Channels.Voice;

/// <summary>What a PBX's notification says about a voicemail; every field is optional except the format.</summary>
/// <param name="CallerNumber">The caller id number as written (not normalised); null when withheld or unknown.</param>
/// <param name="Duration">The length of the recording according to the notification.</param>
/// <param name="Mailbox">The PBX mailbox, e.g. <c>200</c>.</param>
/// <param name="Date">When the message was left, as the PBX wrote it.</param>
internal sealed record VoicemailNotice(
    VoicemailFormat Format,
    string? CallerNumber,
    string? CallerName,
    TimeSpan? Duration,
    string? Mailbox,
    string? MessageNumber,
    string? Date)
{
    /// <summary>Fields of <paramref name="other"/> fill the ones this one lacks; the format stays.</summary>
    public VoicemailNotice Or(VoicemailNotice other) => this with
    {
        CallerNumber = CallerNumber ?? other.CallerNumber,
        CallerName = CallerName ?? other.CallerName,
        Duration = Duration ?? other.Duration,
        Mailbox = Mailbox ?? other.Mailbox,
        MessageNumber = MessageNumber ?? other.MessageNumber,
        Date = Date ?? other.Date,
    };
}
