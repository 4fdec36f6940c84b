using ContactCenter.Core.Storage;
using Npgsql;

namespace ContactCenter.Stores.PostgreSql;

/// <summary>Rows of <c>outbox</c>: the message as a document, the columns the sender and the per-sender limit query on.</summary>
internal static class PostgreSqlOutbox
{
    public static OutboxMessage Read(NpgsqlDataReader reader) => StoreJson.ReadWithId<OutboxMessage>(reader, (message, id) => message.Id = id);

    /// <summary>The INSERT for a dispatch batch (nothing there needs the new row's id).</summary>
    public static NpgsqlBatchCommand InsertCommand(OutboxMessage message) => Sql.BatchCommand(
        """
        INSERT INTO outbox (ticket_number, to_lower, created_at, next_attempt_at, sent_at, doc)
        VALUES (@ticket, @to, @created, @next, @sent, @doc)
        """, Values(message));

    public static Task<int> UpdateAsync(NpgsqlConnection db, OutboxMessage message, CancellationToken cancellationToken) =>
        Sql.ExecuteAsync(db,
            """
            UPDATE outbox SET ticket_number = @ticket, to_lower = @to, created_at = @created, next_attempt_at = @next, sent_at = @sent, doc = @doc
            WHERE id = @id
            """, cancellationToken, [.. Values(message), ("id", (long)message.Id)]);

    private static (string, object?)[] Values(OutboxMessage message) =>
    [
        ("ticket", message.TicketNumber), ("to", message.To.Trim().ToLowerInvariant()), ("created", message.CreatedAt),
        ("next", message.NextAttemptAt), ("sent", message.SentAt), ("doc", StoreJson.Serialize(message)),
    ];
}
