using Microsoft.Extensions.Logging;
using Npgsql;

namespace ContactCenter.Stores.PostgreSql.Schema;

/// <summary>
/// A concurrent index build waits for every transaction that began before it, so a session left idle in a transaction
/// (a forgotten <c>psql</c>, a stuck client) holds the upgrade, and the node's start, indefinitely. While a statement
/// runs, this names the sessions it waits for, every <see cref="MigrationRun.WaitReportInterval"/>, from a second connection.
/// </summary>
internal static class MigrationWaitReport
{
    public static readonly TimeSpan DefaultInterval = TimeSpan.FromSeconds(30);

    /// <summary>A row of <c>pg_stat_activity</c> as the admin needs it to find the session: pid, application, address, state and since when.</summary>
    public const string Session = "format('pid %s (%s, %s, %s since %s)', pid, coalesce(nullif(application_name, ''), 'no application name'), "
        + "coalesce(host(client_addr), 'local socket'), state, to_char(xact_start AT TIME ZONE 'UTC', 'YYYY-MM-DD HH24:MI:SS UTC'))";

    public static async Task ExecuteAsync(MigrationRun run, NpgsqlConnection connection, MigrationScript script, string statement, CancellationToken cancellationToken)
    {
        using var running = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var report = ReportAsync(run, connection.ProcessID, script, running.Token);
        try
        {
            await Sql.ExecuteAsync(connection, statement, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            await running.CancelAsync().ConfigureAwait(false);
            await report.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }
    }

    private static async Task ReportAsync(MigrationRun run, int pid, MigrationScript script, CancellationToken cancellationToken)
    {
        while (true)
        {
            await Task.Delay(run.WaitReportInterval, cancellationToken).ConfigureAwait(false);
            try
            {
                await using var connection = await run.DataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
                var sessions = await Sql.ListAsync(connection,
                    $"SELECT {Session} FROM pg_stat_activity WHERE pid = ANY(pg_blocking_pids(@pid)) ORDER BY xact_start",
                    r => r.GetString(0), cancellationToken, ("pid", pid)).ConfigureAwait(false);
                if (sessions.Count > 0)
                {
                    PostgreSqlStoreLog.SchemaMigrationBlocked(run.Logger, script.Version, script.Name, sessions.Count, string.Join("; ", sessions));
                }
            }
            catch (NpgsqlException e)
            {
                // Only the report failed: the statement it watches goes on, and so does the watch.
                PostgreSqlStoreLog.SchemaMigrationWatchFailed(run.Logger, e.Message);
            }
        }
    }
}
