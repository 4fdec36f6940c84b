using System.Text;
using ContactCenter.Core.Storage;
using ContactCenter.Core.Tickets;

namespace ContactCenter.Stores.PostgreSql;

internal sealed partial class PostgreSqlTicketStore
{
    /// <summary>What a sender is found by; the same expression as the index in 0009_sender_index.sql.</summary>
    internal const string SenderKeys =
        "ARRAY[lower(doc->'Sender'->>'Email'), upper(doc->'Sender'->>'FiscalCode'), doc->'Sender'->>'Phone', doc->'Sender'->>'Fax']";

    /// <summary>Received range is [ReceivedFrom, ReceivedTo); results ordered by ReceivedAt, then Number (as in the LiteDB store).</summary>
    public async Task<IReadOnlyList<Ticket>> QueryAsync(TicketQuery query, CancellationToken cancellationToken)
    {
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
        Where("received_at >= @from", "from", query.ReceivedFrom);
        Where("received_at < @to", "to", query.ReceivedTo);
        Where("due_at < @dueBefore", "dueBefore", query.DueBefore);
        Where("status = 'Open' AND due_at < @overdue", "overdue", query.OverdueAt);
        if (query.Sender is { } sender)
        {
            // The expression of the GIN index tickets_sender (schema 9), so a sender is found without reading every ticket.
            var text = sender.Trim();
            sql.Append(" AND ").Append(SenderKeys).Append(" && ARRAY[@senderLower, @senderUpper, @senderPhone]");
            parameters.Add(("senderLower", text.ToLowerInvariant()));
            parameters.Add(("senderUpper", text.ToUpperInvariant()));
            parameters.Add(("senderPhone", query.SenderPhone ?? text));
        }

        if (query.NeedsReview)
        {
            sql.Append(" AND (doc->>'NeedsReview') = 'true'"); // the expression of the partial index tickets_review
        }

        sql.Append(" ORDER BY received_at, number");

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
