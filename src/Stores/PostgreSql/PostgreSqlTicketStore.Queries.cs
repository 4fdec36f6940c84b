using System.Globalization;
using System.Text;
using ContactCenter.Core.Statistics;
using ContactCenter.Core.Storage;
using ContactCenter.Core.Tickets;

namespace ContactCenter.Stores.PostgreSql;

internal sealed partial class PostgreSqlTicketStore
{
    /// <summary>What a sender is found by; the same expression as the index in 0009_sender_index.sql.</summary>
    internal const string SenderKeys =
        "ARRAY[lower(doc->'Sender'->>'Email'), upper(doc->'Sender'->>'FiscalCode'), doc->'Sender'->>'Phone', doc->'Sender'->>'Fax']";

    /// <summary>A ticket's clock stopped: its last suspension not yet ended (<see cref="Ticket.IsSuspended"/>).</summary>
    private const string Suspended = "(doc->'Suspensions'->-1 IS NOT NULL AND doc->'Suspensions'->-1->>'Until' IS NULL)";

    /// <summary>Counted by the server from the columns, and the review flag through its partial index; no document is read but the last.</summary>
    public async Task<IReadOnlyList<ChannelTicketSummary>> SummarizeTicketsAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var db = await OpenAsync(cancellationToken).ConfigureAwait(false);
        return await Sql.ListAsync(db,
            $"""
            SELECT t.channel_name, t.tickets, t.open,
                   (SELECT count(*) FROM tickets r WHERE r.channel_name = t.channel_name AND (r.doc->>'NeedsReview') = 'true'),
                   t.overdue, l.number, l.received_at
            FROM (SELECT channel_name, count(*) AS tickets, count(*) FILTER (WHERE status = 'Open') AS open,
                         count(*) FILTER (WHERE status = 'Open' AND due_at < @now AND NOT {Suspended}) AS overdue
                  FROM tickets GROUP BY channel_name) t
            CROSS JOIN LATERAL (SELECT number, received_at FROM tickets x WHERE x.channel_name = t.channel_name
                                ORDER BY year DESC, sequence DESC LIMIT 1) l
            ORDER BY t.channel_name COLLATE "C"
            """,
            r => new ChannelTicketSummary(r.GetString(0), checked((int)r.GetInt64(1)), checked((int)r.GetInt64(2)), checked((int)r.GetInt64(3)),
                checked((int)r.GetInt64(4)), r.GetString(5), r.GetFieldValue<DateTimeOffset>(6)),
            cancellationToken, ("now", now)).ConfigureAwait(false);
    }

    /// <summary>
    /// The server picks the fields out of each document (the instants as stored, to the tick) and sends only those; the
    /// period is cut on the indexed column.
    /// </summary>
    public async Task<IReadOnlyList<TicketFacts>> ListTicketFactsAsync(DateTimeOffset? receivedFrom, DateTimeOffset? receivedTo, CancellationToken cancellationToken)
    {
        var period = (receivedFrom is null ? "" : " AND received_at >= @from") + (receivedTo is null ? "" : " AND received_at < @to");
        await using var db = await OpenAsync(cancellationToken).ConfigureAwait(false);
        return await Sql.ListAsync(db,
            $"""
            SELECT doc->>'Channel', doc->'Classification'->>'Level', doc->'Classification'->>'Category', status,
                   doc->>'ReceivedAt', doc->>'DueAt', doc->>'ReceiptSentAt', doc->>'ClosedAt',
                   {Suspended},
                   doc->>'ReopenedAt', NULLIF(doc->'Suspensions', '[]'::jsonb)::text
            FROM tickets WHERE true{period}
            """,
            r =>
            {
                var (received, closed) = (Instant(r.GetString(4)), r.IsDBNull(7) ? (DateTimeOffset?)null : Instant(r.GetString(7)));
                return new TicketFacts(
                    Enum.Parse<ChannelKind>(r.GetString(0)),
                    Enum.Parse<ServiceLevel>(r.GetString(1)),
                    r.GetString(2),
                    Enum.Parse<TicketStatus>(r.GetString(3)),
                    received,
                    Instant(r.GetString(5)),
                    r.IsDBNull(6) ? null : Instant(r.GetString(6)),
                    closed,
                    r.GetBoolean(8),
                    closed is null ? null : AnswerTime.Of(received, r.IsDBNull(9) ? null : Instant(r.GetString(9)), closed,
                        r.IsDBNull(10) ? [] : StoreJson.Deserialize<List<SlaSuspension>>(r.GetString(10))));
            },
            cancellationToken, ("from", receivedFrom), ("to", receivedTo)).ConfigureAwait(false);
    }

    private static DateTimeOffset Instant(string json) => DateTimeOffset.Parse(json, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind);

    /// <summary>Received range is [ReceivedFrom, ReceivedTo); results ordered by ReceivedAt, then Number, both reversed for NewestFirst (as in the LiteDB store).</summary>
    public async Task<IReadOnlyList<Ticket>> QueryAsync(TicketQuery query, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(query.Limit ?? 1, 1, nameof(query.Limit));
        var sql = new StringBuilder($"SELECT {TicketRows.Columns} FROM tickets WHERE true");
        var parameters = new List<(string, object?)>();
        void Where(string condition, string name, object? value)
        {
            if (value is not null)
            {
                sql.Append(" AND ").Append(condition);
                parameters.Add((name, value));
            }
        }

        Where("status = @status", "status", query.Status?.ToString());
        Where("channel_name = @channel", "channel", query.ChannelName);
        Where("source_key = @sourceKey", "sourceKey", query.SourceKey);
        Where("received_at >= @from", "from", query.ReceivedFrom);
        Where("received_at < @to", "to", query.ReceivedTo);
        if (query.After is { } after)
        {
            // Row comparison: the next page in the ORDER BY's own order, on the (received_at, number) index.
            sql.Append(query.NewestFirst ? " AND (received_at, number) < (@afterAt, @afterNumber)" : " AND (received_at, number) > (@afterAt, @afterNumber)");
            parameters.Add(("afterAt", after.ReceivedAt));
            parameters.Add(("afterNumber", after.Number));
        }

        Where("due_at < @dueBefore", "dueBefore", query.DueBefore);
        Where("status = 'Open' AND due_at < @overdue", "overdue", query.OverdueAt);
        if (query.Sender is { } sender)
        {
            // The expression of the GIN index tickets_sender (schema 9), so a sender is found without reading every ticket;
            // then each field against its own form, as LiteDB compares them: && alone matched any field with any form
            // (a phone stored as typed found by the text meant for e-mail addresses).
            var text = sender.Trim();
            sql.Append(" AND ").Append(SenderKeys).Append(" && ARRAY[@senderLower, @senderUpper, @senderPhone]")
                .Append(" AND (lower(doc->'Sender'->>'Email') = @senderLower OR upper(doc->'Sender'->>'FiscalCode') = @senderUpper")
                .Append(" OR doc->'Sender'->>'Phone' = @senderPhone OR doc->'Sender'->>'Fax' = @senderPhone)");
            parameters.Add(("senderLower", text.ToLowerInvariant()));
            parameters.Add(("senderUpper", text.ToUpperInvariant()));
            parameters.Add(("senderPhone", query.SenderPhone ?? text));
        }

        if (query.Corrected)
        {
            sql.Append(" AND (doc->'Classification'->>'IsCorrection') = 'true'");
        }

        if (query.NeedsReview)
        {
            sql.Append(" AND (doc->>'NeedsReview') = 'true'"); // the expression of the partial index tickets_review
        }

        sql.Append(query.NewestFirst ? " ORDER BY received_at DESC, number DESC" : " ORDER BY received_at, number");

        // Suspension is the document's own rule (Ticket.IsSuspended), so overdue tickets are filtered here, then limited.
        if (query.Limit is { } limit && query.OverdueAt is null)
        {
            sql.Append(" LIMIT @limit");
            parameters.Add(("limit", limit));
        }

        await using var db = await OpenAsync(cancellationToken).ConfigureAwait(false);
        var found = await Sql.ListAsync(db, sql.ToString(), TicketRows.Read, cancellationToken, [.. parameters]).ConfigureAwait(false);
        IEnumerable<Ticket> result = query.OverdueAt is null ? found : found.Where(t => !t.IsSuspended);
        return [.. query.Limit is { } max ? result.Take(max) : result];
    }
}
