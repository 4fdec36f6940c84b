using System.Diagnostics;
using Npgsql;

namespace ContactCenter.Stores.PostgreSql.Schema;

/// <summary>
/// Runs a script that alters a table without freezing the other nodes. Altering a table takes its ACCESS EXCLUSIVE
/// lock, which queues behind every session using the table (pg_dump holds every table for the whole dump), and while
/// it queues every later reader and writer of that table, on every node, queues behind it. So an attempt waits at most
/// half a second, steps out of the queue for <see cref="MigrationRun.LockRetryDelay"/> (the others' writes go through)
/// and tries again, until the lock is free; this node's start waits, and every <see cref="MigrationRun.WaitReportInterval"/>
/// it names the sessions that have held locks since before the wait.
/// </summary>
internal static class LockQueue
{
    public static readonly TimeSpan DefaultRetryDelay = TimeSpan.FromSeconds(2);

    private const string WaitAtMostHalfASecond = "SET LOCAL lock_timeout = '500ms'";

    public static async Task ApplyAsync(NpgsqlConnection connection, MigrationScript script, MigrationRun run, Func<Task> record,
        CancellationToken cancellationToken)
    {
        var waiting = Stopwatch.GetTimestamp();
        var reported = waiting;
        while (true)
        {
            await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
            try
            {
                await Sql.ExecuteAsync(connection, WaitAtMostHalfASecond, cancellationToken).ConfigureAwait(false);
                await Sql.ExecuteAsync(connection, script.Text, cancellationToken).ConfigureAwait(false);
                await record().ConfigureAwait(false);
                await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
                return;
            }
            catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.LockNotAvailable)
            {
                await transaction.RollbackAsync(cancellationToken).ConfigureAwait(false);
            }

            if (Stopwatch.GetElapsedTime(reported) >= run.WaitReportInterval)
            {
                reported = Stopwatch.GetTimestamp();
                await ReportAsync(connection, script, run, Stopwatch.GetElapsedTime(waiting), cancellationToken).ConfigureAwait(false);
            }

            await Task.Delay(run.LockRetryDelay, cancellationToken).ConfigureAwait(false);
        }
    }

    private static async Task ReportAsync(NpgsqlConnection connection, MigrationScript script, MigrationRun run, TimeSpan waited,
        CancellationToken cancellationToken)
    {
        var sessions = await Sql.ListAsync(connection,
            $"SELECT {MigrationWaitReport.Session} FROM pg_stat_activity a WHERE pid <> pg_backend_pid() AND xact_start < now() - @waited AND EXISTS ("
            + "SELECT 1 FROM pg_locks l WHERE l.pid = a.pid AND l.granted AND l.locktype = 'relation' "
            + "AND l.database = (SELECT oid FROM pg_database WHERE datname = current_database())) ORDER BY xact_start",
            r => r.GetString(0), cancellationToken, ("waited", waited)).ConfigureAwait(false);
        PostgreSqlStoreLog.SchemaMigrationQueued(run.Logger, script.Version, script.Name, waited, sessions.Count, string.Join("; ", sessions));
    }
}
