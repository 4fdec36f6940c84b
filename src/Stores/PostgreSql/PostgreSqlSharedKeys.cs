using ContactCenter.Core.Storage;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace ContactCenter.Stores.PostgreSql;

/// <summary>
/// The cluster's shared secrets in the <c>shared_keys</c> table. The form's reads and writes are synchronous Npgsql
/// calls, as their callers are; they run at a node's start and when a key ring is reloaded (once a day), never on an
/// item's path.
/// </summary>
internal sealed class PostgreSqlSharedKeys(NpgsqlDataSource dataSource, ILogger logger) : ISharedKeyStore
{
    private const string ValueOf = "SELECT value FROM shared_keys WHERE name = @name";
    private static readonly TimeSpan LongestPause = TimeSpan.FromSeconds(1);
    private readonly SchemaGate _schema = new(dataSource, logger);

    public string GetOrAdd(string name, string value)
    {
        using var connection = Open();
        // Read again after an insert that did nothing: under READ COMMITTED a new statement sees the row another node
        // committed meanwhile, which a single INSERT ... RETURNING could not return.
        return Read(connection, name)
            ?? Insert(connection, name, value)
            ?? Read(connection, name)
            ?? throw new InvalidOperationException($"The shared key '{name}' was neither found nor added.");
    }

    public void Add(string name, string value)
    {
        using var connection = Open();
        Insert(connection, name, value);
    }

    public IReadOnlyList<string> List(string prefix)
    {
        using var connection = Open();
        using var command = Sql.Command(connection, "SELECT value FROM shared_keys WHERE starts_with(name, @prefix) ORDER BY created_at, name", ("prefix", prefix));
        using var reader = command.ExecuteReader();
        var values = new List<string>();
        while (reader.Read())
        {
            values.Add(reader.GetString(0));
        }

        return values;
    }

    public async Task<string?> GetAsync(string name, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        return await Sql.ScalarAsync(connection, ValueOf, cancellationToken, ("name", name)).ConfigureAwait(false) as string;
    }

    public async Task SetAsync(string name, string value, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await Sql.ExecuteAsync(connection,
            "INSERT INTO shared_keys (name, value) VALUES (@name, @value) ON CONFLICT (name) DO UPDATE SET value = excluded.value, created_at = clock_timestamp()",
            cancellationToken, ("name", name), ("value", value)).ConfigureAwait(false);
    }

    public async Task RemoveAsync(string name, string value, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await Sql.ExecuteAsync(connection, "DELETE FROM shared_keys WHERE name = @name AND value = @value", cancellationToken, ("name", name), ("value", value))
            .ConfigureAwait(false);
    }

    public async Task<T> ExclusivelyAsync<T>(string name, Func<CancellationToken, Task<T>> action, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        var key = Convert.ToInt64(await Sql.ScalarAsync(connection, "SELECT hashtextextended(@name, 0)", cancellationToken, ("name", "cc_shared_keys:" + name)).ConfigureAwait(false),
            System.Globalization.CultureInfo.InvariantCulture);
        // Polled, as the migration lock is: a session blocked in pg_advisory_lock holds a snapshot an index build waits for.
        var pause = TimeSpan.FromMilliseconds(20);
        while (await Sql.ScalarAsync(connection, "SELECT pg_try_advisory_lock(@key)", cancellationToken, ("key", key)).ConfigureAwait(false) is not true)
        {
            await Task.Delay(pause, cancellationToken).ConfigureAwait(false);
            pause = TimeSpan.FromTicks(Math.Min(pause.Ticks * 2, LongestPause.Ticks));
        }

        try
        {
            return await action(cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            // A broken connection took its session, and the lock, along.
            if (connection.FullState == System.Data.ConnectionState.Open)
            {
                await Sql.ExecuteAsync(connection, "SELECT pg_advisory_unlock(@key)", CancellationToken.None, ("key", key)).ConfigureAwait(false);
            }
        }
    }

    private async Task<NpgsqlConnection> OpenAsync(CancellationToken cancellationToken)
    {
        await _schema.EnsureAsync(cancellationToken).ConfigureAwait(false);
        return await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
    }

    private NpgsqlConnection Open()
    {
        // Migrated before the first statement (a key may be read before anything else touches the store), and never
        // while holding the advisory lock above: a migration waiting for that node would wait for itself.
        _schema.EnsureAsync(CancellationToken.None).AsTask().GetAwaiter().GetResult();
        return dataSource.OpenConnection();
    }

    private static string? Read(NpgsqlConnection connection, string name) =>
        Scalar(connection, ValueOf, ("name", name)) as string;

    private static string? Insert(NpgsqlConnection connection, string name, string value) =>
        Scalar(connection, "INSERT INTO shared_keys (name, value) VALUES (@name, @value) ON CONFLICT (name) DO NOTHING RETURNING value",
            ("name", name), ("value", value)) as string;

    private static object? Scalar(NpgsqlConnection connection, string sql, params (string Name, object? Value)[] parameters)
    {
        using var command = Sql.Command(connection, sql, parameters);
        return command.ExecuteScalar();
    }
}
