using ContactCenter.Core.Storage;
using Npgsql;

namespace ContactCenter.Stores.PostgreSql;

/// <summary>Rows of <c>webhooks</c>: the delivery as a document, the columns the sender's due query and the summary use.</summary>
internal static class PostgreSqlWebhooks
{
    public const string Pending = "delivered_at IS NULL AND abandoned_at IS NULL";

    public static WebhookDelivery Read(NpgsqlDataReader reader) => StoreJson.ReadWithId<WebhookDelivery>(reader, (delivery, id) => delivery.Id = id);

    /// <summary>The INSERT for a batch of statements (nothing there needs the new row's id).</summary>
    public static NpgsqlBatchCommand InsertCommand(WebhookDelivery delivery) => Sql.BatchCommand(
        """
        INSERT INTO webhooks (webhook, created_at, next_attempt_at, delivered_at, abandoned_at, doc)
        VALUES (@webhook, @created, @next, @delivered, @abandoned, @doc)
        """, Values(delivery));

    public static Task<int> UpdateAsync(NpgsqlConnection db, WebhookDelivery delivery, CancellationToken cancellationToken) =>
        Sql.ExecuteAsync(db,
            """
            UPDATE webhooks SET webhook = @webhook, created_at = @created, next_attempt_at = @next, delivered_at = @delivered,
                abandoned_at = @abandoned, doc = @doc
            WHERE id = @id
            """, cancellationToken, [.. Values(delivery), ("id", (long)delivery.Id)]);

    private static (string, object?)[] Values(WebhookDelivery delivery) =>
    [
        ("webhook", delivery.Webhook), ("created", delivery.CreatedAt), ("next", delivery.NextAttemptAt),
        ("delivered", delivery.DeliveredAt), ("abandoned", delivery.AbandonedAt), ("doc", StoreJson.Serialize(delivery)),
    ];
}
