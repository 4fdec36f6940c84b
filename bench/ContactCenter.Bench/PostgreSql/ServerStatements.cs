using System.Globalization;
using System.Text;
using Npgsql;

namespace ContactCenter.Bench.PostgreSql;

/// <summary>
/// With <c>CC_BENCH_PG_STATS=1</c>, where the server's time went during a timed run: pg_stat_statements' top statements
/// by execution and planning time, and the WAL and checkpoint counters (pg_stat_wal, pg_stat_bgwriter). For finding out, not for the rows.
/// </summary>
internal static class ServerStatements
{
    public static bool Enabled { get; } = Environment.GetEnvironmentVariable("CC_BENCH_PG_STATS") == "1";

    /// <summary>The server settings it needs (none when off).</summary>
    public static IReadOnlyDictionary<string, string> Settings => Enabled
        ? new Dictionary<string, string>
        {
            ["shared_preload_libraries"] = "pg_stat_statements", ["pg_stat_statements.track_planning"] = "on", ["track_io_timing"] = "on",
            ["track_wal_io_timing"] = "on",
        }
        : new Dictionary<string, string>();

    public static async Task ResetAsync(string database, CancellationToken cancellationToken)
    {
        if (Enabled)
        {
            await RunAsync(database, "CREATE EXTENSION IF NOT EXISTS pg_stat_statements; SELECT pg_stat_statements_reset(); SELECT pg_stat_reset_shared('wal'); "
                + "SELECT pg_stat_reset_shared('bgwriter')", null, cancellationToken);
        }
    }

    public static Task CheckpointAsync(string database, CancellationToken cancellationToken) => RunAsync(database, "CHECKPOINT", null, cancellationToken);

    public static async Task SayAsync(string database, CancellationToken cancellationToken)
    {
        if (!Enabled)
        {
            return;
        }

        var text = new StringBuilder();
        await RunAsync(database,
            "SELECT round(total_exec_time::numeric, 1) || ' ms, planning ' || round(total_plan_time::numeric, 1) || ' ms (' || plans || ' plans), ' "
            + "|| calls || ' calls, ' || rows || ' rows, wal ' || wal_bytes || ' B, fpi ' || wal_fpi || ': ' || left(query, 110) "
            + "FROM pg_stat_statements ORDER BY total_exec_time + total_plan_time DESC LIMIT 14", text, cancellationToken);
        await RunAsync(database, "SELECT 'wal: ' || row_to_json(w)::text FROM pg_stat_wal w", text, cancellationToken);
        await RunAsync(database, "SELECT 'bgwriter: ' || row_to_json(b)::text FROM pg_stat_bgwriter b", text, cancellationToken);
        BenchContext.Say($"pgmail: server statements:{text}");
    }

    private static async Task RunAsync(string database, string sql, StringBuilder? output, CancellationToken cancellationToken)
    {
        await using var connection = new NpgsqlConnection(database);
        await connection.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand(sql, connection);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        do
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                output?.Append(CultureInfo.InvariantCulture, $"\n  {reader.GetValue(0)}");
            }
        }
        while (await reader.NextResultAsync(cancellationToken));
    }
}
