using ContactCenter.Core.Tickets;
using Npgsql;

namespace ContactCenter.Stores.PostgreSql;

/// <summary>Reads and writes the <c>tickets</c> table: the document plus the columns queries and constraints use.</summary>
internal static class TicketRows
{
    public const string Columns = "id, doc::text";

    public static Ticket Read(NpgsqlDataReader reader)
    {
        var ticket = StoreJson.Deserialize<Ticket>(reader.GetString(1));
        ticket.Id = checked((int)reader.GetInt64(0));
        return ticket;
    }

    /// <summary>The ticket with its row locked until the transaction ends, so two nodes never overwrite each other's change.</summary>
    public static async Task<Ticket?> FindForUpdateAsync(NpgsqlConnection db, string number, CancellationToken cancellationToken) =>
        (await Sql.ListAsync(db, $"SELECT {Columns} FROM tickets WHERE number = @n FOR UPDATE", Read, cancellationToken, ("n", number))
            .ConfigureAwait(false)).FirstOrDefault();

    public static async Task<Ticket?> FindAsync(NpgsqlConnection db, string number, CancellationToken cancellationToken) =>
        (await Sql.ListAsync(db, $"SELECT {Columns} FROM tickets WHERE number = @n", Read, cancellationToken, ("n", number))
            .ConfigureAwait(false)).FirstOrDefault();

    /// <summary>Tickets with their rows locked (in number order, so two writers lock alike); numbers not stored are left out.</summary>
    public static Task<List<Ticket>> FindForUpdateAsync(NpgsqlConnection db, string[] numbers, CancellationToken cancellationToken) =>
        Sql.ListAsync(db, LockSql, Read, cancellationToken, ("n", numbers));

    /// <summary>The same as one statement of a batch.</summary>
    public static NpgsqlBatchCommand FindForUpdateCommand(string[] numbers) => Sql.BatchCommand(LockSql, ("n", numbers));

    private const string LockSql = $"SELECT {Columns} FROM tickets WHERE number = ANY(@n) ORDER BY number FOR UPDATE";

    public static Task UpdateAsync(NpgsqlConnection db, Ticket ticket, CancellationToken cancellationToken) =>
        Sql.ExecuteAsync(db, UpdateSql, cancellationToken, Values(ticket));

    /// <summary>The new ticket's INSERT for a batch (its id is the serial column's, read back with the row).</summary>
    public static NpgsqlBatchCommand InsertCommand(Ticket ticket) => Sql.BatchCommand(
        """
        INSERT INTO tickets (number, year, sequence, source_key, status, channel_name, received_at, due_at, doc)
        VALUES (@number, @year, @sequence, @source, @status, @channel, @received, @due, @doc)
        """, Values(ticket));

    public static NpgsqlBatchCommand UpdateCommand(Ticket ticket) => Sql.BatchCommand(UpdateSql, Values(ticket));

    private const string UpdateSql =
        """
        UPDATE tickets SET status = @status, channel_name = @channel, received_at = @received, due_at = @due, doc = @doc
        WHERE number = @number
        """;

    private static (string, object?)[] Values(Ticket ticket) =>
    [
        ("number", ticket.Number), ("year", ticket.Year), ("sequence", ticket.Sequence), ("source", ticket.SourceKey),
        ("status", ticket.Status.ToString()), ("channel", ticket.ChannelName), ("received", ticket.ReceivedAt),
        ("due", ticket.DueAt), ("doc", StoreJson.Serialize(ticket)),
    ];
}
