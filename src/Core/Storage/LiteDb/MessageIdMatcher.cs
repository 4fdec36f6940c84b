using ContactCenter.Core.Intake;
using ContactCenter.Core.Tickets;
using LiteDB;

namespace ContactCenter.Core.Storage.LiteDb;

/// <summary>
/// Finds what a mailbox already holds under one Message-ID and whether an incoming draft repeats it. Rows stored before
/// fingerprints existed are compared with the stored message itself: the same archived original, or the same sender
/// and content (the Date header was not stored, so it is not compared). When in doubt the draft counts as different:
/// a second ticket with a note can be merged by an operator, a dropped message cannot be recovered.
/// </summary>
internal sealed class MessageIdMatcher(StoreCollections collections)
{
    /// <summary>Every row of each Message-ID a batch carries, read with one query by <see cref="Prefetch"/>.</summary>
    private readonly Dictionary<string, List<MessageIdRecord>> _prefetched = new(StringComparer.Ordinal);

    /// <summary>Reads the rows of all these IDs at once; <see cref="Stored"/> keeps them current while the batch runs.</summary>
    public void Prefetch(IEnumerable<string> messageIds)
    {
        _prefetched.Clear();
        foreach (var id in messageIds)
        {
            _prefetched.TryAdd(id, []);
        }

        if (_prefetched.Count == 0)
        {
            return;
        }

        foreach (var row in collections.MessageIds.Find(StoreBatchQuery.In(nameof(MessageIdRecord.MessageId), _prefetched.Keys)))
        {
            if (_prefetched.TryGetValue(row.MessageId, out var rows))
            {
                rows.Add(row);
            }
        }
    }

    /// <summary>A row this batch just upserted, so a later item with the same ID sees it as the collection would.</summary>
    public void Stored(MessageIdRecord row)
    {
        if (_prefetched.TryGetValue(row.MessageId, out var rows))
        {
            rows.RemoveAll(r => r.Key == row.Key);
            rows.Add(row);
        }
    }

    /// <summary>The rows of this mailbox and ID, the first one stored first.</summary>
    public IReadOnlyList<MessageIdRecord> Rows(string channelName, string messageId) =>
    [
        .. (_prefetched.TryGetValue(messageId, out var rows) ? rows : collections.MessageIds.Find(StoreQuery.Eq(nameof(MessageIdRecord.MessageId), messageId)))
            .Where(r => r.IsFor(channelName, messageId))
            .OrderBy(r => r.Key.Length).ThenBy(r => r.Key, StringComparer.Ordinal),
    ];

    public bool Repeats(MessageIdRecord row, TicketDraft draft, ContentFingerprint fingerprint)
    {
        if (ContentFingerprint.Parse(row.Fingerprint) is { } stored)
        {
            return fingerprint.SameMessageAs(stored);
        }

        if (row.TicketNumber is not null)
        {
            var message = StoredMessage(row, draft.ChannelName);
            return message is not null
                && (SameOriginal(message.Original, draft.Original) || fingerprint.SameMessageAs(ContentFingerprint.OfStoredMessage(message)));
        }

        // Automatic mail recorded without a ticket kept no text: the same original, or automatic mail again from the
        // same sender with the same subject, as before fingerprints (no ticket is at stake either way).
        var recorded = collections.AutoMail.FindOne(StoreQuery.Eq(
            nameof(AutoMailRecord.MessageId), row.MessageId, nameof(AutoMailRecord.ChannelName), draft.ChannelName));
        return recorded is not null
            && (SameOriginal(recorded.Original, draft.Original)
                || (draft.AutomaticMail != AutomaticMailKind.None
                    && string.Equals(recorded.From.Email, draft.Sender.Email, StringComparison.OrdinalIgnoreCase)
                    && recorded.Subject == draft.Subject));
    }

    /// <summary>The fingerprint <paramref name="row"/> stands for, to say what differs; null when nothing is known.</summary>
    public ContentFingerprint? FingerprintOf(MessageIdRecord row, string channelName) =>
        ContentFingerprint.Parse(row.Fingerprint)
        ?? (StoredMessage(row, channelName) is { } message ? ContentFingerprint.OfStoredMessage(message) : null);

    private TicketMessage? StoredMessage(MessageIdRecord row, string channelName) =>
        row.TicketNumber is null ? null
            : collections.FindTicket(row.TicketNumber)?.Messages
                .FirstOrDefault(m => m.MessageId == row.MessageId && m.ChannelName == channelName);

    private static bool SameOriginal(TicketAttachment? stored, TicketAttachment? incoming) =>
        stored is { Sha256.Length: > 0 } && incoming is not null
        && string.Equals(stored.Sha256, incoming.Sha256, StringComparison.OrdinalIgnoreCase);
}
