using ContactCenter.Core.Storage;
using ContactCenter.Core.Storage.LiteDb;
using ContactCenter.Core.Tickets;

namespace ContactCenter.Stores.PostgreSql;

internal sealed partial class PostgreSqlTicketStore
{
    public async Task<IReadOnlyList<OutboxMessage>> GetDueOutboxAsync(DateTimeOffset now, int max, CancellationToken cancellationToken)
    {
        await using var db = await OpenAsync(cancellationToken).ConfigureAwait(false);
        return await Sql.ListAsync(db, "SELECT id, doc::text FROM outbox WHERE sent_at IS NULL AND next_attempt_at <= @now ORDER BY id LIMIT @max",
            PostgreSqlOutbox.Read, cancellationToken, ("now", now), ("max", max)).ConfigureAwait(false);
    }

    public async Task<int> CountOutboxAsync(bool pendingOnly, CancellationToken cancellationToken)
    {
        await using var db = await OpenAsync(cancellationToken).ConfigureAwait(false);
        // An abandoned row is parked at NeverDue, as a sent one is: neither waits for anything.
        var sql = pendingOnly ? "SELECT count(*) FROM outbox WHERE sent_at IS NULL AND next_attempt_at < @never" : "SELECT count(*) FROM outbox";
        return checked((int)(long)(await Sql.ScalarAsync(db, sql, cancellationToken, ("never", NeverDue.At)).ConfigureAwait(false))!);
    }

    public async Task<int> CountReceiptsToAsync(string address, DateTimeOffset since, CancellationToken cancellationToken)
    {
        await using var db = await OpenAsync(cancellationToken).ConfigureAwait(false);
        return checked((int)(long)(await Sql.ScalarAsync(db, "SELECT count(*) FROM outbox WHERE to_lower = @to AND created_at >= @since", cancellationToken,
            ("to", address.Trim().ToLowerInvariant()), ("since", since)).ConfigureAwait(false))!);
    }

    /// <summary>
    /// Saves the row and, when given, appends the ticket's event in the same commit. The receipt's Message-ID is
    /// remembered so that a citizen's reply to the receipt finds its ticket through In-Reply-To.
    /// </summary>
    public Task UpdateOutboxAsync(OutboxMessage message, TicketEvent? ticketEvent, CancellationToken cancellationToken) =>
        WriteAsync(async db =>
        {
            if (await PostgreSqlOutbox.UpdateAsync(db, message, cancellationToken).ConfigureAwait(false) == 0)
            {
                throw new KeyNotFoundException($"No outbox message {message.Id}.");
            }

            if (MessageIdRecord.Normalize(message.MessageId) is { } messageId)
            {
                await Sql.ExecuteAsync(db,
                    """
                    INSERT INTO message_ids (channel, message_id, ticket_number) VALUES (@c, @m, @t)
                    ON CONFLICT (channel, message_id, n) DO UPDATE SET ticket_number = excluded.ticket_number
                    """, cancellationToken, ("c", MessageIdRecord.OutboxChannel), ("m", messageId), ("t", message.TicketNumber)).ConfigureAwait(false);
            }

            if (ticketEvent is not null && await TicketRows.FindForUpdateAsync(db, message.TicketNumber, cancellationToken).ConfigureAwait(false) is { } ticket)
            {
                if (ticketEvent.At == default)
                {
                    ticketEvent.At = _time.GetUtcNow();
                }

                ticket.History.Add(ticketEvent);
                if (ticketEvent.Kind == TicketEventKind.ReceiptSent)
                {
                    ticket.ReceiptSentAt = message.SentAt ?? ticketEvent.At;
                }

                await TicketRows.UpdateAsync(db, ticket, cancellationToken).ConfigureAwait(false);
            }
        }, cancellationToken);
}
