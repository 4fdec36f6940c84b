using ContactCenter.Channels.Email;

namespace ContactCenter.Channels.Voice;

/// <summary>A <c>Voicemail</c> channel over POP3.</summary>
public sealed class VoicemailPop3ChannelOptions : Pop3ChannelOptions
{
    public VoicemailSource Source { get; set; } = VoicemailSource.Pop3;
}
