namespace ContactCenter.Core.Storage.LiteDb;

/// <summary>
/// An item's Message-ID as the dispatcher sees it: its content fingerprint, the rows the mailbox already holds under
/// that ID, and the one it repeats (a duplicate) if any.
/// </summary>
internal sealed record IncomingMessageId(string? MessageId, ContentFingerprint Fingerprint, IReadOnlyList<MessageIdRecord> Earlier, MessageIdRecord? Repeated)
{
    /// <summary>The ID is already used in this mailbox by a different message.</summary>
    public bool IsReused => Repeated is null && Earlier.Count > 0;

    /// <summary>The key of this message's own row: the plain key for the first, numbered for each different one after it.</summary>
    public string RowKey(string channelName) =>
        MessageIdRecord.KeyOf(channelName, MessageId!) + (Earlier.Count == 0 ? "" : $"|#{Earlier.Count + 1}");
}
