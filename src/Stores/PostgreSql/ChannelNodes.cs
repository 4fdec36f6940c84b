using Npgsql;

namespace ContactCenter.Stores.PostgreSql;

/// <summary>
/// Which cluster node holds each channel: the node polling it right now (Quartz's fired triggers of the channel's
/// job) or else the node that polled it last (recorded after each poll).
/// </summary>
public sealed class ChannelNodes(NpgsqlDataSource dataSource)
{
    public async Task RecordPollAsync(string channel, string node, DateTimeOffset at, CancellationToken cancellationToken)
    {
        await using var db = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await Sql.ExecuteAsync(db,
            """
            INSERT INTO channel_nodes (channel, node, polled_at) VALUES (@c, @n, @at)
            ON CONFLICT (channel) DO UPDATE SET node = excluded.node, polled_at = excluded.polled_at
            """, cancellationToken, ("c", channel), ("n", node), ("at", at)).ConfigureAwait(false);
    }

    /// <summary>Channel name to a description such as <c>node-a (polling now)</c> or <c>node-b (last poll 2026-03-10T09:30:00Z)</c>.</summary>
    public async Task<IReadOnlyDictionary<string, ChannelNode>> ReadAsync(string schedulerName, string jobGroup, string jobPrefix, CancellationToken cancellationToken)
    {
        await using var db = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        var result = new Dictionary<string, ChannelNode>(StringComparer.OrdinalIgnoreCase);
        foreach (var (channel, node, at) in await Sql.ListAsync(db, "SELECT channel, node, polled_at FROM channel_nodes",
            r => (r.GetString(0), r.GetString(1), r.GetFieldValue<DateTimeOffset>(2)), cancellationToken).ConfigureAwait(false))
        {
            result[channel] = new ChannelNode(node, PollingNow: false, at);
        }

        foreach (var (job, node) in await Sql.ListAsync(db,
            "SELECT job_name, instance_name FROM qrtz_fired_triggers WHERE sched_name = @s AND job_group = @g AND state = 'EXECUTING'",
            r => (r.GetString(0), r.GetString(1)), cancellationToken, ("s", schedulerName), ("g", jobGroup)).ConfigureAwait(false))
        {
            if (job.StartsWith(jobPrefix, StringComparison.Ordinal))
            {
                var channel = job[jobPrefix.Length..];
                result[channel] = new ChannelNode(node, PollingNow: true, result.GetValueOrDefault(channel)?.LastPollAt);
            }
        }

        return result;
    }
}
