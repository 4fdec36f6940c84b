using ContactCenter.Core.Intake;
using ContactCenter.Core.Tickets;

namespace ContactCenter.Channels.Email;

/// <summary>Builds the item of one fetched message the same way for IMAP and POP3; only key and state differ.</summary>
internal static class MailInboundItems
{
    public static InboundItem Create(
        string channelName, ChannelKind channel, MailConnectionOptions options, string sourceKey, object sourceState,
        DateTimeOffset receivedAt, MessageBuffer buffer, params (string Key, string Value)[] metadata) =>
        Create(channelName, channel, options, sourceKey, sourceState, receivedAt, buffer.OpenAsync, buffer.Length, metadata);

    /// <summary>
    /// A message the server says is over <paramref name="maxBytes"/>: not downloaded at all, so a huge message costs
    /// neither memory nor disk. Normalising it fails with the reason, and the source moves it aside on the server.
    /// </summary>
    public static InboundItem CreateOversized(
        string channelName, ChannelKind channel, MailConnectionOptions options, string sourceKey, object sourceState,
        DateTimeOffset receivedAt, long size, long maxBytes, params (string Key, string Value)[] metadata)
    {
        var reason = string.Create(
            System.Globalization.CultureInfo.InvariantCulture,
            $"Message is {size} bytes, over the limit of {maxBytes} bytes ({MailNormalizerOptions.SectionName}:MaxMessageBytes); not downloaded, it stays on the server.");
        return Create(
            channelName, channel, options, sourceKey, sourceState, receivedAt,
            _ => ValueTask.FromException<Stream>(new InboundItemRejectedException(reason)), size, metadata);
    }

    private static InboundItem Create(
        string channelName, ChannelKind channel, MailConnectionOptions options, string sourceKey, object sourceState,
        DateTimeOffset receivedAt, Func<CancellationToken, ValueTask<Stream>> open, long length, (string Key, string Value)[] metadata)
    {
        var all = new Dictionary<string, string> { ["mail.mailbox"] = Mailbox(options) };
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
            OpenAsync = open,
            Length = length,
            OriginalFileName = "message.eml",
            OriginalContentType = "message/rfc822",
            SourceState = sourceState,
            Metadata = all,
        };
    }

    /// <summary>The account as it appears in source keys and metadata: <c>user@host</c>.</summary>
    public static string Mailbox(MailConnectionOptions options) => $"{options.User}@{options.Host}";
}
