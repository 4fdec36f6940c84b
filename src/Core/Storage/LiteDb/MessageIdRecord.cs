using LiteDB;

namespace ContactCenter.Core.Storage.LiteDb;

/// <summary>
/// Row of <c>messageids</c>, keyed <c>{channelName}|{Message-ID}</c>: the same Message-ID in the same mailbox is a
/// duplicate. <see cref="MessageId"/> is indexed on its own for In-Reply-To/References, which may cross mailboxes.
/// </summary>
internal sealed class MessageIdRecord
{
    public const string OutboxChannel = "outbox";

    [BsonId]
    public string Key { get; set; } = "";

    public string MessageId { get; set; } = "";

    /// <summary>Null for automatic mail that referred to no ticket (kept only to recognise its duplicates).</summary>
    public string? TicketNumber { get; set; }

    public static string KeyOf(string channelName, string messageId) => channelName + "|" + messageId;

    /// <summary>Message-IDs are compared without angle brackets and surrounding blanks.</summary>
    public static string? Normalize(string? messageId)
    {
        var trimmed = messageId?.Trim().TrimStart('<').TrimEnd('>').Trim();
        return string.IsNullOrEmpty(trimmed) ? null : trimmed;
    }
}
