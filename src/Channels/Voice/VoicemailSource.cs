namespace ContactCenter.Channels.Voice;

/// <summary>Where a <c>Voicemail</c> channel reads the PBX's notification e-mails from.</summary>
public enum VoicemailSource
{
    /// <summary>An IMAP mailbox: every key of an <c>Imap</c> channel.</summary>
    Imap,

    /// <summary>A POP3 mailbox: every key of a <c>Pop3</c> channel.</summary>
    Pop3,

    /// <summary>A folder or Maildir the local MTA delivers to: every key of a <c>MailDrop</c> channel.</summary>
    MailDrop,
}
