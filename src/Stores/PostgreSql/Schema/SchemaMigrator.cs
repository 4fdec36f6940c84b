using Microsoft.Extensions.Logging;
using Npgsql;

namespace ContactCenter.Stores.PostgreSql.Schema;

/// <summary>
/// Brings the database to the newest schema: the embedded scripts not yet recorded in <c>cc_schema_version</c> run in
/// order under <see cref="MigrationLock"/>, so two nodes starting together apply each script once (the second waits,
/// then finds nothing to do). Each script commits with its version row in one transaction (DDL is transactional in
/// PostgreSQL: a failed script leaves the schema at the version before it), never holding a table's lock queue for
/// long (<see cref="LockQueue"/>), except the index builds that must not stop the other nodes' writes
/// (<see cref="MigrationScript.OutsideTransaction"/>).
/// </summary>
internal static class SchemaMigrator
{
    public static IReadOnlyList<MigrationScript> Scripts { get; } = MigrationScript.Embedded();

    public static int LatestVersion => Scripts[^1].Version;

    /// <summary>Returns the versions applied now (empty when the schema was already current).</summary>
    /// <param name="waitReportInterval">How often a waiting step names the sessions it waits for (<see cref="MigrationWaitReport"/>, <see cref="LockQueue"/>).</param>
    /// <param name="lockRetryDelay">How long a script that found its table locked stays out of the lock queue (<see cref="LockQueue"/>).</param>
    public static async Task<IReadOnlyList<int>> MigrateAsync(
        NpgsqlDataSource dataSource, ILogger logger, CancellationToken cancellationToken, TimeSpan? waitReportInterval = null, TimeSpan? lockRetryDelay = null)
    {
        var run = new MigrationRun(dataSource, logger, waitReportInterval ?? MigrationWaitReport.DefaultInterval, lockRetryDelay ?? LockQueue.DefaultRetryDelay);
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await MigrationLock.AcquireAsync(connection, logger, cancellationToken).ConfigureAwait(false);
        try
        {
            // Read before any DDL: PostgreSQL checks CREATE on the schema even for IF NOT EXISTS, and nodes may run as a
            // role that may only read and write the tables once their owner has migrated them.
            var current = await CurrentVersionAsync(connection, cancellationToken).ConfigureAwait(false);
            if (current < LatestVersion)
            {
                await Sql.ExecuteAsync(connection,
                    "CREATE TABLE IF NOT EXISTS cc_schema_version (version integer PRIMARY KEY, name text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())",
                    cancellationToken).ConfigureAwait(false);
            }

            if (current > LatestVersion)
            {
                throw new InvalidOperationException(
                    $"The database schema is at version {current}, newer than this program knows ({LatestVersion}): upgrade the program on this node.");
            }

            var applied = new List<int>();
            foreach (var script in Scripts.Where(s => s.Version > current))
            {
                await ApplyAsync(connection, script, run, cancellationToken).ConfigureAwait(false);
                PostgreSqlStoreLog.SchemaMigrated(logger, script.Version, script.Name);
                applied.Add(script.Version);
            }

            return applied;
        }
        catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.InsufficientPrivilege)
        {
            throw new InvalidOperationException(
                $"The database schema needs creating or upgrading to version {LatestVersion}, which role '{connection.UserName}' may not do ({e.MessageText}): " +
                "run 'contactcenter store migrate' as the schema's owner, then grant this role the use of the tables (README, One machine or several).", e);
        }
        finally
        {
            await MigrationLock.ReleaseAsync(connection).ConfigureAwait(false);
        }
    }

    /// <summary>The schema version the database is at: 0 before the first migration (no version table yet).</summary>
    public static async Task<int> CurrentVersionAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        // Two statements: PostgreSQL resolves every table a statement names before running any branch of it.
        if (await Sql.ScalarAsync(connection, "SELECT to_regclass('cc_schema_version') IS NOT NULL", cancellationToken).ConfigureAwait(false) is not true)
        {
            return 0;
        }

        var version = await Sql.ScalarAsync(connection, "SELECT coalesce(max(version), 0) FROM cc_schema_version", cancellationToken).ConfigureAwait(false);
        return Convert.ToInt32(version, System.Globalization.CultureInfo.InvariantCulture);
    }

    private static async Task ApplyAsync(NpgsqlConnection connection, MigrationScript script, MigrationRun run, CancellationToken cancellationToken)
    {
        if (!script.OutsideTransaction)
        {
            await LockQueue.ApplyAsync(connection, script, run, () => RecordAsync(connection, script, cancellationToken), cancellationToken)
                .ConfigureAwait(false);
            return;
        }

        foreach (var statement in script.Statements)
        {
            if (MigrationScript.IndexBuiltConcurrently(statement) is { } index)
            {
                await DropIfInvalidAsync(connection, script, index, run, cancellationToken).ConfigureAwait(false);
            }

            await MigrationWaitReport.ExecuteAsync(run, connection, script, statement, cancellationToken).ConfigureAwait(false);
        }

        await RecordAsync(connection, script, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// A concurrent build that was cancelled, or whose node died, leaves its index in place but invalid (never used by
    /// a query, still updated by every write), and <c>IF NOT EXISTS</c> would keep it so.
    /// </summary>
    private static async Task DropIfInvalidAsync(
        NpgsqlConnection connection, MigrationScript script, string index, MigrationRun run, CancellationToken cancellationToken)
    {
        var invalid = await Sql.ScalarAsync(connection, "SELECT NOT indisvalid FROM pg_index WHERE indexrelid = to_regclass(@index)", cancellationToken, ("index", index))
            .ConfigureAwait(false);
        if (invalid is true)
        {
            PostgreSqlStoreLog.InvalidIndexDropped(run.Logger, index);
            await MigrationWaitReport.ExecuteAsync(run, connection, script, $"DROP INDEX CONCURRENTLY IF EXISTS \"{index}\"", cancellationToken).ConfigureAwait(false);
        }
    }

    private static Task RecordAsync(NpgsqlConnection connection, MigrationScript script, CancellationToken cancellationToken) =>
        Sql.ExecuteAsync(connection, "INSERT INTO cc_schema_version (version, name) VALUES (@v, @n)", cancellationToken, ("v", script.Version), ("n", script.Name));
}
