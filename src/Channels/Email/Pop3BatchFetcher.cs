using ContactCenter.Core.Intake;
using ContactCenter.Core.Tickets;
using Microsoft.Extensions.Logging;

namespace ContactCenter.Channels.Email;

/// <summary>
/// Fetches a chunk of pending messages pipelined (RETR after RETR without waiting) and buffers each one, so the
/// session is free again before the caller starts processing. A message the server sizes (LIST) over
/// <paramref name="maxMessageBytes"/> is never downloaded. Two buffer sets take turns: a batch is fetched while the
/// one before it is still being stored, and the pipeline asks for a batch only once the one two back is committed.
/// </summary>
internal sealed class Pop3BatchFetcher(
    string channelName, Pop3ChannelOptions options, Pop3Session session, ILogger logger, TimeProvider timeProvider,
    long maxMessageBytes, ChannelKind channel) : IDisposable
{
    private readonly MessageBufferSet[] _sets = [new(), new()];
    private int _turn;

    public async Task<IReadOnlyList<InboundItem>> FetchAsync(List<(int Index, string Uidl)> chunk, CancellationToken cancellationToken)
    {
        // The caller has finished with the batch two back (this set's) before asking for this one.
        var buffers = _sets[_turn++ % _sets.Length];
        buffers.Release();
        var client = await session.EnsureOpenAsync(cancellationToken).ConfigureAwait(false);
        var items = new List<InboundItem>(chunk.Count);
        var download = new List<(int Index, string Uidl)>(chunk.Count);
        foreach (var message in chunk)
        {
            var size = session.Sizes[message.Index];
            if (size <= maxMessageBytes)
            {
                download.Add(message);
                continue;
            }

            // Without the message, its Received date is unknown: the time it was found stands in.
            var key = Key(message.Uidl);
            EmailSourceLog.Oversized(logger, channelName, key, size, maxMessageBytes);
            items.Add(MailInboundItems.CreateOversized(
                channelName, channel, options, key, message.Uidl, timeProvider.GetUtcNow(), size, maxMessageBytes, ("pop3.uidl", message.Uidl)));
        }

        var streams = download.Count == 0
            ? []
            : await client.GetStreamsAsync(download.Select(c => c.Index).ToList(), headersOnly: false, cancellationToken).ConfigureAwait(false);
        for (var i = 0; i < download.Count; i++)
        {
            MessageBuffer buffer;
            await using (var stream = streams[i])
            {
                buffer = await buffers.CopyAsync(stream, cancellationToken).ConfigureAwait(false);
            }

            // POP3 has no INTERNALDATE: the topmost Received header (else Date) stands in for it.
            DateTimeOffset receivedAt;
            await using (var copy = await buffer.OpenAsync(cancellationToken).ConfigureAwait(false))
            {
                receivedAt = await DeliveryDate.ReadAsync(copy, cancellationToken).ConfigureAwait(false) ?? timeProvider.GetUtcNow();
            }

            items.Add(CreateItem(download[i].Uidl, await ContentTagAsync(buffer, cancellationToken).ConfigureAwait(false), receivedAt, buffer));
        }

        EmailSourceLog.Fetched(logger, channelName, items.Count, buffers.Bytes);
        return items;
    }

    public void Dispose()
    {
        foreach (var set in _sets)
        {
            set.Dispose();
        }
    }

    private InboundItem CreateItem(string uidl, string contentTag, DateTimeOffset receivedAt, MessageBuffer buffer) =>
        MailInboundItems.Create(channelName, channel, options, $"{Key(uidl)}/{contentTag}", uidl, receivedAt, buffer, ("pop3.uidl", uidl));

    private string Key(string uidl) => $"pop3:{MailInboundItems.Mailbox(options)}/{uidl}";

    /// <summary>
    /// The first 16 hex digits of the message's sha256, part of its key. RFC 1939 lets a server give a deleted
    /// message's UIDL to a new one (a rebuilt mailbox, a server numbering by UID alone): under the UIDL alone the new
    /// message was "already stored", deleted in Delete mode and never a ticket. The same message fetched again has the
    /// same bytes, so reprocessing still finds it.
    /// </summary>
    private static async Task<string> ContentTagAsync(MessageBuffer buffer, CancellationToken cancellationToken)
    {
        await using var content = await buffer.OpenAsync(cancellationToken).ConfigureAwait(false);
        var hash = await System.Security.Cryptography.SHA256.HashDataAsync(content, cancellationToken).ConfigureAwait(false);
        return Convert.ToHexStringLower(hash.AsSpan(0, 8));
    }
}
