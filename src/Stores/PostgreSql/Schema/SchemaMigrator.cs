using System.Reflection;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace ContactCenter.Stores.PostgreSql.Schema;

/// <summary>
/// Brings the database to the newest schema: the embedded scripts <c>NNNN_name.sql</c> not yet recorded in
/// <c>cc_schema_version</c> run in one transaction under a transaction-scoped advisory lock, so two nodes starting
/// together apply each script once (the second waits, then finds nothing to do). DDL is transactional in PostgreSQL:
/// a failed script leaves the schema as it was.
/// </summary>
internal static class SchemaMigrator
{
    /// <summary>Arbitrary but fixed: every node and the CLI take the same lock.</summary>
    private const long LockKey = 0x43_43_49_6E_67_65_73_74; // "CCIngest"

    public static IReadOnlyList<(int Version, string Name)> Scripts { get; } = [.. Assembly.GetExecutingAssembly().GetManifestResourceNames()
        .Where(n => n.EndsWith(".sql", StringComparison.Ordinal))
        .Select(n => n.Split('.')[^2])
        .Select(n => (Version: int.Parse(n[..4], System.Globalization.CultureInfo.InvariantCulture), Name: n))
        .OrderBy(s => s.Version)];

    public static int LatestVersion => Scripts[^1].Version;

    /// <summary>Returns the versions applied now (empty when the schema was already current).</summary>
    public static async Task<IReadOnlyList<int>> MigrateAsync(NpgsqlDataSource dataSource, ILogger logger, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        await Sql.ExecuteAsync(connection, "SELECT pg_advisory_xact_lock(@key)", cancellationToken, ("key", LockKey)).ConfigureAwait(false);
        await Sql.ExecuteAsync(connection,
            "CREATE TABLE IF NOT EXISTS cc_schema_version (version integer PRIMARY KEY, name text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())",
            cancellationToken).ConfigureAwait(false);
        var current = await CurrentVersionAsync(connection, cancellationToken).ConfigureAwait(false);
        if (current > LatestVersion)
        {
            throw new InvalidOperationException(
                $"The database schema is at version {current}, newer than this program knows ({LatestVersion}): upgrade the program on this node.");
        }

        var applied = new List<int>();
        foreach (var (version, name) in Scripts.Where(s => s.Version > current))
        {
            await Sql.ExecuteAsync(connection, ReadScript(name), cancellationToken).ConfigureAwait(false);
            await Sql.ExecuteAsync(connection, "INSERT INTO cc_schema_version (version, name) VALUES (@v, @n)", cancellationToken, ("v", version), ("n", name))
                .ConfigureAwait(false);
            PostgreSqlStoreLog.SchemaMigrated(logger, version, name);
            applied.Add(version);
        }

        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return applied;
    }

    public static async Task<int> CurrentVersionAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand("SELECT coalesce(max(version), 0) FROM cc_schema_version", connection);
        return Convert.ToInt32(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false), System.Globalization.CultureInfo.InvariantCulture);
    }

    private static string ReadScript(string name)
    {
        var assembly = Assembly.GetExecutingAssembly();
        var resource = assembly.GetManifestResourceNames().Single(n => n.EndsWith("." + name + ".sql", StringComparison.Ordinal));
        using var stream = assembly.GetManifestResourceStream(resource)!;
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
