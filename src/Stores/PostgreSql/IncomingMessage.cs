using ContactCenter.Core.Storage;

namespace ContactCenter.Stores.PostgreSql;

/// <summary>
/// An item's Message-ID as the dispatcher sees it: its content fingerprint, the rows the mailbox already holds under
/// that ID, and the one it repeats (a duplicate) if any. The LiteDB store's IncomingMessageId, on table rows.
/// </summary>
internal sealed record IncomingMessage(string? MessageId, ContentFingerprint Fingerprint, IReadOnlyList<MessageIdRow> Earlier, MessageIdRow? Repeated)
{
    /// <summary>The ID is already used in this mailbox by a different message.</summary>
    public bool IsReused => Repeated is null && Earlier.Count > 0;

    /// <summary>This message's own row number.</summary>
    public int NextN => Earlier.Count == 0 ? 1 : Earlier.Max(r => r.N) + 1;
}
