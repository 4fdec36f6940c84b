namespace ContactCenter.Channels.Email;

/// <summary>What happens to an IMAP message once its ticket is durably stored.</summary>
public enum ImapAfterImport
{
    /// <summary>Moved to <see cref="ImapChannelOptions.ProcessedFolder"/>.</summary>
    Move,

    /// <summary>Flagged \Seen and left in place; unseen messages are the pending ones.</summary>
    MarkSeen,

    /// <summary>Flagged \Deleted and expunged by UID.</summary>
    Delete,
}
