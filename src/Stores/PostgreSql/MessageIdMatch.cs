using ContactCenter.Core.Intake;
using ContactCenter.Core.Storage;
using ContactCenter.Core.Storage.LiteDb;
using ContactCenter.Core.Tickets;
using Npgsql;

namespace ContactCenter.Stores.PostgreSql;

/// <summary>
/// The duplicate rule of the LiteDB store's MessageIdMatcher on <c>message_ids</c>: a Message-ID already seen in a
/// mailbox is a duplicate only with the same <see cref="ContentFingerprint"/>. Rows without a fingerprint (written
/// before schema version 4) are compared with the stored message: the same archived original, or the same sender and
/// content. When in doubt the item counts as different: a second ticket can be merged, a dropped message is lost.
/// The rows come from the batch's <see cref="MessageIdRows"/>; a new row is queued with the batch's writes.
/// </summary>
internal sealed class MessageIdMatch(NpgsqlConnection db, MessageIdRows rows, BatchTickets tickets, BatchWrites writes)
{
    public async Task<IncomingMessage> IdentifyAsync(TicketDraft draft, CancellationToken cancellationToken)
    {
        var messageId = MessageIdRecord.Normalize(draft.MessageId);
        var fingerprint = ContentFingerprint.Of(draft);
        if (messageId is null)
        {
            return new IncomingMessage(null, fingerprint, [], null);
        }

        var earlier = rows.InChannel(draft.ChannelName, messageId);
        foreach (var row in earlier)
        {
            if (await RepeatsAsync(row, draft, fingerprint, cancellationToken).ConfigureAwait(false))
            {
                return new IncomingMessage(messageId, fingerprint, earlier, row);
            }
        }

        return new IncomingMessage(messageId, fingerprint, earlier, null);
    }

    /// <summary>The fingerprint <paramref name="row"/> stands for, to say what differs; null when nothing is known.</summary>
    public async Task<ContentFingerprint?> FingerprintOfAsync(MessageIdRow row, string channelName, CancellationToken cancellationToken) =>
        ContentFingerprint.Parse(row.Fingerprint)
        ?? (await StoredMessageAsync(row, channelName, cancellationToken).ConfigureAwait(false) is { } message ? ContentFingerprint.OfStoredMessage(message) : null);

    public void Remember(TicketDraft draft, IncomingMessage incoming, string? ticketNumber)
    {
        if (incoming.MessageId is null)
        {
            return;
        }

        var fingerprint = incoming.Fingerprint.ToString();
        rows.Add(draft.ChannelName, new MessageIdRow(incoming.NextN, incoming.MessageId, ticketNumber, fingerprint));
        writes.Add(
            """
            INSERT INTO message_ids (channel, message_id, n, ticket_number, fingerprint, source_key)
            VALUES (@c, @m, @n, @t, @f, @k)
            """, ("c", draft.ChannelName), ("m", incoming.MessageId), ("n", incoming.NextN), ("t", ticketNumber), ("f", fingerprint), ("k", draft.SourceKey));
    }

    private async Task<bool> RepeatsAsync(MessageIdRow row, TicketDraft draft, ContentFingerprint fingerprint, CancellationToken cancellationToken)
    {
        if (ContentFingerprint.Parse(row.Fingerprint) is { } stored)
        {
            return fingerprint.SameMessageAs(stored);
        }

        if (row.TicketNumber is not null)
        {
            var message = await StoredMessageAsync(row, draft.ChannelName, cancellationToken).ConfigureAwait(false);
            return message is not null
                && (SameOriginal(message.Original, draft.Original) || fingerprint.SameMessageAs(ContentFingerprint.OfStoredMessage(message)));
        }

        // Automatic mail recorded without a ticket kept no text: the same original, or automatic mail again from the
        // same sender with the same subject. The batch's own rows are written first, so the query sees them as before.
        await writes.FlushAsync(cancellationToken).ConfigureAwait(false);
        var recorded = (await Sql.ListAsync(db,
            "SELECT doc::text FROM auto_mail WHERE doc->>'MessageId' = @m AND doc->>'ChannelName' = @c ORDER BY id LIMIT 1",
            r => StoreJson.Deserialize<AutoMailRecord>(r.GetString(0)), cancellationToken, ("m", row.MessageId), ("c", draft.ChannelName))
            .ConfigureAwait(false)).FirstOrDefault();
        return recorded is not null
            && (SameOriginal(recorded.Original, draft.Original)
                || (draft.AutomaticMail != AutomaticMailKind.None
                    && string.Equals(recorded.From.Email, draft.Sender.Email, StringComparison.OrdinalIgnoreCase)
                    && recorded.Subject == draft.Subject));
    }

    private async Task<TicketMessage?> StoredMessageAsync(MessageIdRow row, string channelName, CancellationToken cancellationToken) =>
        row.TicketNumber is null ? null
            : (await tickets.FindAsync(row.TicketNumber, cancellationToken).ConfigureAwait(false))?.Messages
                .FirstOrDefault(m => m.MessageId == row.MessageId && m.ChannelName == channelName);

    private static bool SameOriginal(TicketAttachment? stored, TicketAttachment? incoming) =>
        stored is { Sha256.Length: > 0 } && incoming is not null
        && string.Equals(stored.Sha256, incoming.Sha256, StringComparison.OrdinalIgnoreCase);
}
