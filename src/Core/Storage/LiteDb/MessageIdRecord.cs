using ContactCenter.Core.Intake;
using LiteDB;

namespace ContactCenter.Core.Storage.LiteDb;

/// <summary>
/// Row of <c>messageids</c>, keyed <c>{channelName}|{Message-ID}</c> for the first message with that ID in a mailbox
/// and <c>{channelName}|{Message-ID}|#{n}</c> for each later one with different content (see
/// <see cref="ContentFingerprint"/>). <see cref="MessageId"/> is indexed on its own for In-Reply-To/References, which
/// may cross mailboxes, and for finding all rows of one ID.
/// </summary>
internal sealed class MessageIdRecord
{
    public const string OutboxChannel = "outbox";

    [BsonId]
    public string Key { get; set; } = "";

    public string MessageId { get; set; } = "";

    /// <summary>Null for automatic mail that referred to no ticket (kept only to recognise its duplicates).</summary>
    public string? TicketNumber { get; set; }

    /// <summary>Null on rows stored before fingerprints existed (their channel is the key's prefix).</summary>
    public string? ChannelName { get; set; }

    /// <summary><see cref="ContentFingerprint"/>'s stored form; null on older rows and on our own receipts.</summary>
    public string? Fingerprint { get; set; }

    public string? SourceKey { get; set; }

    /// <summary>The mailbox of the row: <see cref="ChannelName"/>, or on older rows the key's prefix.</summary>
    [BsonIgnore]
    public string Mailbox => ChannelName ?? Key[..Math.Max(0, Key.IndexOf('|', StringComparison.Ordinal))];

    public static string KeyOf(string channelName, string messageId) => channelName + "|" + messageId;

    /// <summary>True for a row of this mailbox and ID, old (no channel field) or new.</summary>
    public bool IsFor(string channelName, string messageId)
    {
        var first = KeyOf(channelName, messageId);
        return MessageId == messageId && (ChannelName is not null
            ? ChannelName == channelName
            : Key == first || Key.StartsWith(first + "|#", StringComparison.Ordinal));
    }

    /// <summary>Message-IDs are compared without angle brackets and surrounding blanks.</summary>
    public static string? Normalize(string? messageId)
    {
        var trimmed = messageId?.Trim().TrimStart('<').TrimEnd('>').Trim();
        return string.IsNullOrEmpty(trimmed) ? null : trimmed;
    }

    /// <summary>The IDs a reply names, normalised, in the order its ticket is looked for: In-Reply-To, then References from the newest.</summary>
    public static IEnumerable<string> RepliedTo(TicketDraft draft) =>
        new[] { draft.InReplyTo }.Concat(Enumerable.Reverse(draft.References)).Select(Normalize).OfType<string>();
}
