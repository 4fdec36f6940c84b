using Npgsql;
using NpgsqlTypes;

namespace ContactCenter.Stores.PostgreSql;

/// <summary>Small helpers over NpgsqlCommand: parameters by name, instants always in UTC (Npgsql refuses other offsets for timestamptz).</summary>
internal static class Sql
{
    /// <summary>
    /// Inside a write transaction: its commit waits for the disk, whatever the server's default (SET LOCAL, as a query
    /// that returns a row, so it can lead a batch of queries read result by result).
    /// </summary>
    public const string SynchronousCommitOn = "SELECT set_config('synchronous_commit', 'on', true)";

    /// <summary>
    /// For the rest of the transaction, statements are planned without their parameters' values (SET LOCAL, as a
    /// query that returns a row). A custom plan, the server's choice for an unnamed statement and for a prepared one's
    /// first five runs on each connection, puts every value into the plan as a constant, which the planner copies whole
    /// more than once, so the copies grow with the blob. Measured with pg_stat_statements on the PostgreSQL e-mail row:
    /// 40 inserts of 2.6 MB attachments were planned 30 times in 0.20–0.24 s, and in 1–5 ms planned generically. The
    /// plan of an insert does not depend on the values anyway.
    /// </summary>
    public const string GenericPlans = "SELECT set_config('plan_cache_mode', 'force_generic_plan', true)";

    public static NpgsqlCommand Command(NpgsqlConnection connection, string sql, params (string Name, object? Value)[] parameters)
    {
        var command = new NpgsqlCommand(sql, connection);
        foreach (var (name, value) in parameters)
        {
            command.Parameters.Add(Parameter(name, value));
        }

        return command;
    }

    public static async Task<int> ExecuteAsync(NpgsqlConnection connection, string sql, CancellationToken cancellationToken, params (string Name, object? Value)[] parameters)
    {
        await using var command = Command(connection, sql, parameters);
        return await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    public static async Task<object?> ScalarAsync(NpgsqlConnection connection, string sql, CancellationToken cancellationToken, params (string Name, object? Value)[] parameters)
    {
        await using var command = Command(connection, sql, parameters);
        var value = await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false);
        return value is DBNull ? null : value;
    }

    /// <summary>The first column of every row, read as JSON documents (or any single value).</summary>
    public static async Task<List<T>> ListAsync<T>(NpgsqlConnection connection, string sql, Func<NpgsqlDataReader, T> read, CancellationToken cancellationToken, params (string Name, object? Value)[] parameters)
    {
        await using var command = Command(connection, sql, parameters);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        var rows = new List<T>();
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            rows.Add(read(reader));
        }

        return rows;
    }

    /// <summary>One statement of an <see cref="NpgsqlBatch"/>, with the same parameter rules as <see cref="Command"/>.</summary>
    public static NpgsqlBatchCommand BatchCommand(string sql, params (string Name, object? Value)[] parameters)
    {
        var command = new NpgsqlBatchCommand(sql);
        foreach (var (name, value) in parameters)
        {
            command.Parameters.Add(Parameter(name, value));
        }

        return command;
    }

    /// <summary>The statements in one round trip, inside the connection's transaction (or an implicit one of their own).</summary>
    public static async Task ExecuteBatchAsync(NpgsqlConnection connection, IEnumerable<NpgsqlBatchCommand> commands, CancellationToken cancellationToken)
    {
        await using var batch = new NpgsqlBatch(connection);
        foreach (var command in commands)
        {
            batch.BatchCommands.Add(command);
        }

        if (batch.BatchCommands.Count > 0)
        {
            await batch.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Queries in one round trip; each row of the n-th result goes to the n-th reader (each statement must return rows: others have no result).</summary>
    public static async Task ReadBatchAsync(NpgsqlConnection connection, IReadOnlyList<(NpgsqlBatchCommand Command, Action<NpgsqlDataReader> ReadRow)> reads,
        CancellationToken cancellationToken)
    {
        await using var batch = new NpgsqlBatch(connection);
        foreach (var (command, _) in reads)
        {
            batch.BatchCommands.Add(command);
        }

        await using var reader = await batch.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        foreach (var (_, readRow) in reads)
        {
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                readRow(reader);
            }

            await reader.NextResultAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    public static Json Jsonb(string json) => new(json);

    private static NpgsqlParameter Parameter(string name, object? value) => value switch
    {
        null => new NpgsqlParameter(name, DBNull.Value),
        Json json => new NpgsqlParameter(name, NpgsqlDbType.Jsonb) { Value = json.Text },
        DateTimeOffset instant => new NpgsqlParameter(name, NpgsqlDbType.TimestampTz) { Value = instant.ToUniversalTime() },
        string[] texts => new NpgsqlParameter(name, NpgsqlDbType.Array | NpgsqlDbType.Text) { Value = texts },
        _ => new NpgsqlParameter(name, value),
    };

    /// <summary>A JSON text sent as jsonb.</summary>
    public readonly record struct Json(string Text);
}
