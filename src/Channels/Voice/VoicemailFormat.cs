namespace ContactCenter.Channels.Voice;

/// <summary>Which kind of notification a voicemail e-mail was recognised as.</summary>
internal enum VoicemailFormat
{
    /// <summary>Asterisk's <c>voicemail.conf</c> mailer: <c>X-Asterisk-VM-*</c> headers.</summary>
    Asterisk,

    /// <summary>FreePBX: Asterisk's mailer with FreePBX's own body ("There is a new voicemail in mailbox ...").</summary>
    FreePbx,

    /// <summary>Any other PBX or carrier: an audio attachment and the caller's number in the subject or body.</summary>
    Generic,
}
