using ContactCenter.Core.Storage;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace ContactCenter.Stores.PostgreSql;

/// <summary>
/// The cluster's shared secrets in the <c>shared_keys</c> table, sealed by <see cref="SharedKeysCipher"/> when the
/// nodes have a secrets key (values written before it was configured are sealed at a node's first use). The form's
/// reads and writes are synchronous Npgsql calls, as their callers are; they run at a node's start and when a key ring
/// is reloaded (once a day), never on an item's path.
/// </summary>
internal sealed class PostgreSqlSharedKeys(NpgsqlDataSource dataSource, ILogger logger, SharedKeysCipher? cipher = null) : ISharedKeyStore
{
    private const string ValueOf = "SELECT value FROM shared_keys WHERE name = @name";
    private static readonly TimeSpan LongestPause = TimeSpan.FromSeconds(1);
    private readonly SchemaGate _schema = new(dataSource, logger);
    private readonly SharedKeysCipher _cipher = cipher ?? SharedKeysCipher.None;
    private readonly SemaphoreSlim _sealing = new(1, 1);
    private volatile bool _sealed;

    public string GetOrAdd(string name, string value)
    {
        using var connection = Open();
        // Read again after an insert that did nothing: under READ COMMITTED a new statement sees the row another node
        // committed meanwhile, which a single INSERT ... RETURNING could not return.
        var stored = Read(connection, name)
            ?? Insert(connection, name, _cipher.Seal(name, value))
            ?? Read(connection, name)
            ?? throw new InvalidOperationException($"The shared key '{name}' was neither found nor added.");
        return _cipher.Open(name, stored);
    }

    public void Add(string name, string value)
    {
        using var connection = Open();
        Insert(connection, name, _cipher.Seal(name, value));
    }

    public IReadOnlyList<string> List(string prefix)
    {
        using var connection = Open();
        using var command = Sql.Command(connection, "SELECT name, value FROM shared_keys WHERE starts_with(name, @prefix) ORDER BY created_at, name", ("prefix", prefix));
        using var reader = command.ExecuteReader();
        var values = new List<string>();
        while (reader.Read())
        {
            values.Add(_cipher.Open(reader.GetString(0), reader.GetString(1)));
        }

        return values;
    }

    public async Task<string?> GetAsync(string name, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        return await Sql.ScalarAsync(connection, ValueOf, cancellationToken, ("name", name)).ConfigureAwait(false) is string stored ? _cipher.Open(name, stored) : null;
    }

    public async Task SetAsync(string name, string value, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await Sql.ExecuteAsync(connection,
            "INSERT INTO shared_keys (name, value) VALUES (@name, @value) ON CONFLICT (name) DO UPDATE SET value = excluded.value, created_at = clock_timestamp()",
            cancellationToken, ("name", name), ("value", _cipher.Seal(name, value))).ConfigureAwait(false);
    }

    public async Task RemoveAsync(string name, string value, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        // A sealed value differs at each sealing: the stored one is compared opened, then removed only if still the same.
        if (await Sql.ScalarAsync(connection, ValueOf, cancellationToken, ("name", name)).ConfigureAwait(false) is string stored && _cipher.Open(name, stored) == value)
        {
            await Sql.ExecuteAsync(connection, "DELETE FROM shared_keys WHERE name = @name AND value = @value", cancellationToken, ("name", name), ("value", stored))
                .ConfigureAwait(false);
        }
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
        await SealStaleValuesAsync(cancellationToken).ConfigureAwait(false);
        return await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
    }

    private NpgsqlConnection Open()
    {
        // Migrated before the first statement (a key may be read before anything else touches the store), and never
        // while holding the advisory lock above: a migration waiting for that node would wait for itself.
        _schema.EnsureAsync(CancellationToken.None).AsTask().GetAwaiter().GetResult();
        SealStaleValuesAsync(CancellationToken.None).GetAwaiter().GetResult();
        return dataSource.OpenConnection();
    }

    /// <summary>
    /// Once per process, with a secrets key, seals the values written before it was configured or sealed by an older key
    /// (the form's keys are written once and never again): each only if still the one read, so a node replacing it
    /// meanwhile wins.
    /// </summary>
    private async Task SealStaleValuesAsync(CancellationToken cancellationToken)
    {
        if (_sealed || !_cipher.Seals)
        {
            return;
        }

        await _sealing.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (_sealed)
            {
                return;
            }

            await using var connection = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
            var stale = new List<(string Name, string Value)>();
            await using (var command = Sql.Command(connection, "SELECT name, value FROM shared_keys WHERE NOT starts_with(value, @prefix)", ("prefix", _cipher.SealedPrefix)))
            await using (var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false))
            {
                while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                {
                    stale.Add((reader.GetString(0), reader.GetString(1)));
                }
            }

            var resealed = 0;
            foreach (var (name, value) in stale)
            {
                // A value sealed with a key this node lacks is left as it is: reading it says which key is missing.
                if (TryOpen(name, value) is { } opened)
                {
                    resealed += await Sql.ExecuteAsync(connection, "UPDATE shared_keys SET value = @sealed WHERE name = @name AND value = @value", cancellationToken,
                        ("sealed", _cipher.Seal(name, opened)), ("name", name), ("value", value)).ConfigureAwait(false);
                }
            }

            if (resealed > 0)
            {
                PostgreSqlStoreLog.SharedKeysSealed(logger, resealed);
            }

            _sealed = true;
        }
        finally
        {
            _sealing.Release();
        }
    }

    private string? TryOpen(string name, string stored)
    {
        try
        {
            return _cipher.Open(name, stored);
        }
        catch (InvalidOperationException)
        {
            return null;
        }
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
