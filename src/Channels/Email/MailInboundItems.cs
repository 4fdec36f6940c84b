using ContactCenter.Core.Intake;
using ContactCenter.Core.Tickets;

namespace ContactCenter.Channels.Email;

/// <summary>Builds the item of one fetched message the same way for IMAP and POP3; only key and state differ.</summary>
internal static class MailInboundItems
{
    public static InboundItem Create(
        string channelName, ChannelKind channel, MailConnectionOptions options, string sourceKey, object sourceState,
        DateTimeOffset receivedAt, MessageBuffer buffer, params (string Key, string Value)[] metadata)
    {
        var all = new Dictionary<string, string> { ["mailbox"] = Mailbox(options) };
        foreach (var (key, value) in metadata)
        {
            all[key] = value;
        }

        return new InboundItem
        {
            SourceKey = sourceKey,
            ChannelName = channelName,
            Channel = channel,
            ReceivedAt = receivedAt,
            OpenAsync = buffer.OpenAsync,
            Length = buffer.Length,
            OriginalFileName = "message.eml",
            OriginalContentType = "message/rfc822",
            SourceState = sourceState,
            Metadata = all,
        };
    }

    /// <summary>The account as it appears in source keys and metadata: <c>user@host</c>.</summary>
    public static string Mailbox(MailConnectionOptions options) => $"{options.User}@{options.Host}";
}
