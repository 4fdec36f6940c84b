using ContactCenter.Channels.Email;

namespace ContactCenter.Channels.Voice;

/// <summary>A <c>Voicemail</c> channel over IMAP (<see cref="VoicemailSource.Imap"/>, the default).</summary>
public sealed class VoicemailImapChannelOptions : ImapChannelOptions
{
    public VoicemailSource Source { get; set; } = VoicemailSource.Imap;
}
