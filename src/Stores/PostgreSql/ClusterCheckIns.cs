using Npgsql;

namespace ContactCenter.Stores.PostgreSql;

/// <summary>
/// The cluster's check-ins as Quartz records them (<c>qrtz_scheduler_state</c>: one row per node name, the last
/// check-in in UTC ticks and the node's interval in milliseconds), read and cleared without going through Quartz, with
/// the program version each node last started with (<c>node_versions</c>, ours).
/// </summary>
public sealed class ClusterCheckIns(NpgsqlDataSource dataSource)
{
    /// <summary>When the node named <paramref name="node"/> last checked in, and its interval; null when it has no row.</summary>
    public async Task<(DateTimeOffset At, TimeSpan Interval)?> LastAsync(string scheduler, string node, CancellationToken cancellationToken)
    {
        await using var db = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        var rows = await Sql.ListAsync(db, "SELECT last_checkin_time, checkin_interval FROM qrtz_scheduler_state WHERE sched_name = @s AND instance_name = @n",
            r => (new DateTimeOffset(r.GetInt64(0), TimeSpan.Zero), TimeSpan.FromMilliseconds(r.GetInt64(1))), cancellationToken,
            ("s", scheduler), ("n", node)).ConfigureAwait(false);
        return rows.Count == 0 ? null : rows[0];
    }

    /// <summary>
    /// Every node with a check-in row, by name: the nodes running, and for a while those that stopped without a clean
    /// stop; each with its version, unless it never recorded one (a node of a release before versions were recorded).
    /// </summary>
    public async Task<IReadOnlyList<ClusterNodeCheckIn>> ListAsync(string scheduler, CancellationToken cancellationToken)
    {
        // The server's clock read in the same statement: one round trip, and no time passes between it and the rows.
        await using var db = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        return await Sql.ListAsync(db,
            """
            SELECT s.instance_name, s.last_checkin_time, s.checkin_interval, clock_timestamp(), v.version
            FROM qrtz_scheduler_state s LEFT JOIN node_versions v ON v.node = s.instance_name
            WHERE s.sched_name = @s ORDER BY s.instance_name
            """,
            r =>
            {
                var at = new DateTimeOffset(r.GetInt64(1), TimeSpan.Zero);
                var now = r.GetFieldValue<DateTimeOffset>(3);
                return new ClusterNodeCheckIn(r.GetString(0), at, TimeSpan.FromMilliseconds(r.GetInt64(2)), now > at ? now - at : TimeSpan.Zero)
                {
                    Version = r.IsDBNull(4) ? null : r.GetString(4),
                };
            },
            cancellationToken, ("s", scheduler)).ConfigureAwait(false);
    }

    /// <summary>Records the program version the node named <paramref name="node"/> starts with, replacing the one it had.</summary>
    public async Task RecordVersionAsync(string node, string version, CancellationToken cancellationToken)
    {
        await using var db = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await Sql.ExecuteAsync(db,
            """
            INSERT INTO node_versions (node, version, started_at) VALUES (@n, @v, clock_timestamp())
            ON CONFLICT (node) DO UPDATE SET version = excluded.version, started_at = excluded.started_at
            """,
            cancellationToken, ("n", node), ("v", version)).ConfigureAwait(false);
    }

    /// <summary>The database server's clock now (the cluster's common reference: every node compares check-ins against its own).</summary>
    public async Task<DateTimeOffset> ServerNowAsync(CancellationToken cancellationToken)
    {
        await using var db = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        var now = await Sql.ListAsync(db, "SELECT clock_timestamp()", r => r.GetFieldValue<DateTimeOffset>(0), cancellationToken).ConfigureAwait(false);
        return now[0];
    }

    /// <summary>
    /// Removes the node's row after its scheduler stopped cleanly, so a node of the same name starting next need not
    /// wait for it to go stale. Fired triggers left behind would still be recovered by the others (Quartz treats them
    /// as orphans); a clean stop leaves none, its jobs having completed.
    /// </summary>
    public async Task ForgetAsync(string scheduler, string node, CancellationToken cancellationToken)
    {
        await using var db = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await Sql.ExecuteAsync(db, "DELETE FROM qrtz_scheduler_state WHERE sched_name = @s AND instance_name = @n", cancellationToken,
            ("s", scheduler), ("n", node)).ConfigureAwait(false);
    }
}
