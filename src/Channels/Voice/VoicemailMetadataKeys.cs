namespace ContactCenter.Channels.Voice;

/// <summary>Keys of a voicemail ticket's metadata (the draft's), in the <c>area.name</c> style of <c>pec.*</c> and <c>mail.*</c>.</summary>
internal static class VoicemailMetadataKeys
{
    /// <summary>Whole seconds, e.g. <c>42</c>.</summary>
    public const string Duration = "voicemail.duration";

    /// <summary>The PBX mailbox the message was left in, e.g. <c>200</c> or <c>200@default</c>.</summary>
    public const string Mailbox = "voicemail.mailbox";

    public const string MessageNumber = "voicemail.messageNumber";

    /// <summary>The caller id number as the PBX wrote it (the sender's phone holds it in E.164 when it is valid).</summary>
    public const string CallerId = "voicemail.callerId";

    public const string CallerName = "voicemail.callerName";

    /// <summary>When the message was left, as the PBX wrote it.</summary>
    public const string Date = "voicemail.date";

    /// <summary><c>asterisk</c>, <c>freepbx</c> or <c>generic</c>: which notification was recognised.</summary>
    public const string Format = "voicemail.format";
}
