using ContactCenter.Core.Storage;
using Npgsql;

namespace ContactCenter.Stores.PostgreSql;

/// <summary>
/// The webhook outbox (table <c>webhooks</c>): rows are queued inside the transaction that creates or changes the
/// ticket (<see cref="DispatchAsync"/>, <see cref="UpdateAsync"/>), so a change that committed always has its event,
/// with the LiteDB store's rules.
/// </summary>
internal sealed partial class PostgreSqlTicketStore
{
    public async Task<IReadOnlyList<WebhookDelivery>> GetDueWebhooksAsync(
        DateTimeOffset now, int maxPerWebhook, IReadOnlyCollection<string> except, CancellationToken cancellationToken)
    {
        // Numbered per webhook among the due rows, so one receiver's backlog takes none of another's places; the
        // numbering sorts ids only, the documents are read for the chosen rows alone.
        await using var db = await OpenAsync(cancellationToken).ConfigureAwait(false);
        return await Sql.ListAsync(db,
            $"""
            SELECT w.id, w.doc::text FROM webhooks w
            JOIN (SELECT id, row_number() OVER (PARTITION BY webhook ORDER BY id) AS n
                  FROM webhooks WHERE {PostgreSqlWebhooks.Pending} AND next_attempt_at <= @now AND webhook <> ALL(@except)) due
              ON due.id = w.id
            WHERE due.n <= @max ORDER BY w.id
            """,
            PostgreSqlWebhooks.Read, cancellationToken, ("now", now), ("max", (long)maxPerWebhook), ("except", except.ToArray())).ConfigureAwait(false);
    }

    public Task UpdateWebhookAsync(WebhookDelivery delivery, CancellationToken cancellationToken) =>
        WriteAsync(async db =>
        {
            if (await PostgreSqlWebhooks.UpdateAsync(db, delivery, cancellationToken).ConfigureAwait(false) == 0)
            {
                throw new KeyNotFoundException($"No webhook delivery {delivery.Id}.");
            }
        }, cancellationToken);

    public async Task<IReadOnlyList<WebhookQueueSummary>> SummarizeWebhooksAsync(bool pendingOnly, CancellationToken cancellationToken)
    {
        // Pending only: the rows of the partial index webhooks_due, not every event ever delivered.
        const string Pending = PostgreSqlWebhooks.Pending;
        await using var db = await OpenAsync(cancellationToken).ConfigureAwait(false);
        return await Sql.ListAsync(db,
            $"""
            SELECT w.webhook,
                   count(*) FILTER (WHERE {Pending}),
                   (SELECT p.created_at FROM webhooks p WHERE p.webhook = w.webhook AND {Pending} ORDER BY p.id LIMIT 1),
                   count(*) FILTER (WHERE delivered_at IS NOT NULL),
                   count(*) FILTER (WHERE abandoned_at IS NOT NULL),
                   (SELECT p.doc->>'LastError' FROM webhooks p
                    WHERE p.webhook = w.webhook AND {Pending} AND p.doc ? 'LastError' ORDER BY p.id DESC LIMIT 1)
            FROM webhooks w {(pendingOnly ? $"WHERE {Pending}" : "")} GROUP BY w.webhook ORDER BY w.webhook COLLATE "C"
            """,
            r => new WebhookQueueSummary(r.GetString(0), checked((int)r.GetInt64(1)), r.IsDBNull(2) ? null : r.GetFieldValue<DateTimeOffset>(2),
                checked((int)r.GetInt64(3)), checked((int)r.GetInt64(4)), r.IsDBNull(5) ? null : r.GetString(5)),
            cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Must run inside the caller's transaction.</summary>
    private Task QueueWebhooksAsync(NpgsqlConnection db, string eventType, string ticketNumber, string change, CancellationToken cancellationToken) =>
        InsertWebhooksAsync(db, _webhooks.Deliveries(eventType, ticketNumber, change, _time.GetUtcNow()), cancellationToken);

    private static Task InsertWebhooksAsync(NpgsqlConnection db, IEnumerable<WebhookDelivery> deliveries, CancellationToken cancellationToken) =>
        Sql.ExecuteBatchAsync(db, deliveries.Select(PostgreSqlWebhooks.InsertCommand), cancellationToken);
}
