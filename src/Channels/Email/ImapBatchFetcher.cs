using System.Globalization;
using ContactCenter.Core.Intake;
using ContactCenter.Core.Tickets;
using MailKit;
using MailKit.Net.Imap;
using Microsoft.Extensions.Logging;

namespace ContactCenter.Channels.Email;

/// <summary>
/// Lists the pending UIDs of the source folder and fetches a chunk of them with one FETCH, buffering each message
/// so the connection is free again before the caller starts processing. A message the server sizes over
/// <paramref name="maxMessageBytes"/> is never downloaded: sizes and arrival dates are read first, for
/// <see cref="SummaryBatches"/> batches in one FETCH, so that most batches take one round trip rather than two. Two
/// buffer sets take turns: a batch is fetched while the one before it is still being stored, and the pipeline asks for
/// a batch only once the one two back is committed (its acknowledgement, which may still run, reads only UIDs).
/// </summary>
internal sealed class ImapBatchFetcher(
    string channelName, ChannelKind channel, ImapChannelOptions options, ImapConnection connection, ILogger logger,
    TimeProvider timeProvider, long maxMessageBytes) : IDisposable
{
    /// <summary>How many batches ahead one FETCH of sizes and dates reads (a few dozen bytes of answer a message).</summary>
    internal const int SummaryBatches = 10;

    private readonly MessageBufferSet[] _sets = [new(), new()];
    // By UID, for the UIDs the last read asked for: null where the server had none (expunged meanwhile).
    private readonly Dictionary<uint, IMessageSummary?> _summaries = [];
    private int _turn;

    public async Task<(ImapFolder Folder, List<UniqueId> Uids)> ListPendingAsync(CancellationToken cancellationToken)
    {
        var (_, folder) = await connection.OpenSourceFolderAsync(check: true, cancellationToken).ConfigureAwait(false);
        var found = await folder.SearchAsync(ImapPendingQuery.For(options), cancellationToken).ConfigureAwait(false);
        // Read afresh each poll: the folder may have been recreated since, its UIDs naming other messages.
        _summaries.Clear();
        var uids = found.OrderBy(u => u.Id).ToList();
        EmailSourceLog.ImapPending(logger, channelName, uids.Count, folder.FullName, folder.UidValidity);
        return (folder, uids);
    }

    /// <param name="ahead">The UIDs from this chunk's first on, in order: whose sizes and dates one FETCH may read.</param>
    public async Task<IReadOnlyList<InboundItem>> FetchAsync(
        ImapFolder folder, List<UniqueId> chunk, IList<UniqueId> ahead, CancellationToken cancellationToken)
    {
        // The caller has finished with the batch two back (this set's) before asking for this one.
        var buffers = _sets[_turn++ % _sets.Length];
        buffers.Release();
        var summaries = await SummariesAsync(folder, chunk, ahead, cancellationToken).ConfigureAwait(false);
        DateTimeOffset ReceivedAt(uint id) =>
            summaries.TryGetValue(id, out var summary) && summary.InternalDate is { } date ? date : timeProvider.GetUtcNow();

        var uidValidity = folder.UidValidity;
        var items = new List<InboundItem>(chunk.Count);
        var oversized = summaries.Values.Where(s => s.Size > maxMessageBytes).Select(s => s.UniqueId.Id).ToHashSet();
        foreach (var id in oversized)
        {
            var uid = new UniqueId(uidValidity, id);
            var size = summaries[id].Size!.Value;
            var key = Key(uid, folder.FullName);
            EmailSourceLog.Oversized(logger, channelName, key, size, maxMessageBytes);
            items.Add(MailInboundItems.CreateOversized(
                channelName, channel, options, key, uid, ReceivedAt(id), size, maxMessageBytes, Metadata(uid, folder.FullName)));
        }

        var download = oversized.Count == 0 ? chunk : chunk.Where(u => !oversized.Contains(u.Id)).ToList();
        if (download.Count > 0)
        {
            await folder.GetStreamsAsync(download, async (_, _, uid, stream, ct) =>
            {
                var buffer = await buffers.CopyAsync(stream, ct).ConfigureAwait(false);
                items.Add(CreateItem(new UniqueId(uidValidity, uid.Id), folder.FullName, ReceivedAt(uid.Id), buffer));
            }, cancellationToken).ConfigureAwait(false);
        }

        EmailSourceLog.Fetched(logger, channelName, items.Count, buffers.Bytes);
        return items.OrderBy(i => ((UniqueId)i.SourceState!).Id).ToList();
    }

    /// <summary>
    /// Sizes and dates of the chunk's messages (one may be missing: expunged meanwhile), read with those of the next
    /// chunks (<paramref name="ahead"/>, which starts with the chunk) when the last read did not cover this one.
    /// </summary>
    private async Task<Dictionary<uint, IMessageSummary>> SummariesAsync(
        ImapFolder folder, List<UniqueId> chunk, IList<UniqueId> ahead, CancellationToken cancellationToken)
    {
        if (!chunk.TrueForAll(u => _summaries.ContainsKey(u.Id)))
        {
            var request = new FetchRequest(MessageSummaryItems.UniqueId | MessageSummaryItems.InternalDate | MessageSummaryItems.Size);
            var found = (await folder.FetchAsync(ahead, request, cancellationToken).ConfigureAwait(false)).ToDictionary(s => s.UniqueId.Id);
            _summaries.Clear();
            foreach (var uid in ahead)
            {
                _summaries[uid.Id] = found.GetValueOrDefault(uid.Id);
            }
        }

        return chunk.Where(u => _summaries[u.Id] is not null).ToDictionary(u => u.Id, u => _summaries[u.Id]!);
    }

    public void Dispose()
    {
        foreach (var set in _sets)
        {
            set.Dispose();
        }
    }

    private InboundItem CreateItem(UniqueId uid, string folderName, DateTimeOffset receivedAt, MessageBuffer buffer) =>
        MailInboundItems.Create(channelName, channel, options, Key(uid, folderName), uid, receivedAt, buffer, Metadata(uid, folderName));

    private string Key(UniqueId uid, string folderName) =>
        $"imap:{MailInboundItems.Mailbox(options)}/{folderName}/{uid.Validity}/{uid.Id}";

    private static (string Key, string Value)[] Metadata(UniqueId uid, string folderName) =>
    [
        ("imap.folder", folderName),
        ("imap.uidvalidity", uid.Validity.ToString(CultureInfo.InvariantCulture)),
        ("imap.uid", uid.Id.ToString(CultureInfo.InvariantCulture)),
    ];
}
