using Microsoft.Extensions.Logging;
using Npgsql;

namespace ContactCenter.Stores.PostgreSql.Schema;

/// <summary>
/// The cluster-wide lock every node and the CLI take to migrate. It is a session lock, not a transaction's, because an
/// index built concurrently runs outside any transaction; and it is polled for, not waited on, because a node blocked
/// in <c>pg_advisory_lock</c> holds a snapshot that such a build waits for: the two would deadlock.
/// </summary>
internal static class MigrationLock
{
    /// <summary>Arbitrary but fixed ("CCIngest"); the releases before this one took it as a transaction lock, which conflicts alike.</summary>
    internal const long Key = 0x43_43_49_6E_67_65_73_74;

    private static readonly TimeSpan LongestPause = TimeSpan.FromSeconds(1);

    public static async Task AcquireAsync(NpgsqlConnection connection, ILogger logger, CancellationToken cancellationToken)
    {
        var pause = TimeSpan.FromMilliseconds(50);
        var waiting = false;
        while (await Sql.ScalarAsync(connection, "SELECT pg_try_advisory_lock(@key)", cancellationToken, ("key", Key)).ConfigureAwait(false) is not true)
        {
            if (!waiting)
            {
                PostgreSqlStoreLog.SchemaMigrationWaiting(logger);
                waiting = true;
            }

            await Task.Delay(pause, cancellationToken).ConfigureAwait(false);
            pause = TimeSpan.FromTicks(Math.Min(pause.Ticks * 2, LongestPause.Ticks));
        }
    }

    /// <summary>
    /// Released explicitly: a pooled connection keeps its session, and the lock with it, until it is next used. A
    /// broken connection took its session along, so there is nothing left to release.
    /// </summary>
    public static async Task ReleaseAsync(NpgsqlConnection connection)
    {
        if (connection.FullState == System.Data.ConnectionState.Open)
        {
            await Sql.ExecuteAsync(connection, "SELECT pg_advisory_unlock(@key)", CancellationToken.None, ("key", Key)).ConfigureAwait(false);
        }
    }
}
