using ContactCenter.Channels.Email;

namespace ContactCenter.Channels.Voice;

/// <summary>A <c>Voicemail</c> channel reading a mail-drop folder or Maildir.</summary>
public sealed class VoicemailMailDropChannelOptions : MailDropChannelOptions
{
    public VoicemailSource Source { get; set; } = VoicemailSource.MailDrop;
}
