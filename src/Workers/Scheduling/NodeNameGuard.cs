using ContactCenter.Stores.PostgreSql;
using ContactCenter.Workers.Hosting;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;

namespace ContactCenter.Workers.Scheduling;

/// <summary>
/// Quartz tells cluster nodes apart by name only: a second node started with the name of one that is alive (a config
/// copied without changing <c>NodeName</c>) takes the other's running jobs for its own to recover, and the same
/// channel is polled twice at once. Before the scheduler starts, this waits while a node of this name has checked in
/// within two of its intervals, saying so every interval; a node restarted after a crash waits at most that long. A
/// clean stop removes the node's check-in (after the scheduler stopped), so a restart does not wait. Once the name is
/// this node's, it records the version the node runs, so <c>status</c> shows a cluster left half-upgraded.
/// </summary>
internal sealed partial class NodeNameGuard(
    ClusterCheckIns checkIns, IOptions<PostgreSqlStoreOptions> options, StartupProgress progress, TimeProvider time, ILogger<NodeNameGuard> logger)
    : IHostedService
{
    private readonly string _node = options.Value.ResolvedNodeName;
    private bool _started;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (await LiveSinceAsync(cancellationToken).ConfigureAwait(false) is not null)
        {
            await progress.RunAsync($"Waiting for the other node named {_node} to stop", WaitAsync, cancellationToken).ConfigureAwait(false);
        }

        await checkIns.RecordVersionAsync(_node, ServiceVersion.Current, cancellationToken).ConfigureAwait(false);
        _started = true;
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (!_started)
        {
            return; // the check-in is the other node's
        }

        try
        {
            await checkIns.ForgetAsync(ClusteredScheduling.SchedulerName, _node, cancellationToken).ConfigureAwait(false);
        }
        catch (NpgsqlException e)
        {
            CheckInNotRemoved(logger, _node, e.Message);
        }
    }

    private async Task WaitAsync(CancellationToken cancellationToken)
    {
        while (await LiveSinceAsync(cancellationToken).ConfigureAwait(false) is { } live)
        {
            NameInUse(logger, _node, live.Age, ClusterNodeCheckIn.SilentAfter(live.Interval));
            await Task.Delay(live.Interval, time, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>How long ago a node of this name checked in, and its interval, while that is within two intervals.</summary>
    private async Task<(TimeSpan Age, TimeSpan Interval)?> LiveSinceAsync(CancellationToken cancellationToken)
    {
        if (await checkIns.LastAsync(ClusteredScheduling.SchedulerName, _node, cancellationToken).ConfigureAwait(false) is not { } last)
        {
            return null;
        }

        var age = time.GetUtcNow() - last.At; // negative when that node's clock is ahead
        return age < ClusterNodeCheckIn.SilentAfter(last.Interval) ? (age < TimeSpan.Zero ? TimeSpan.Zero : age, last.Interval) : null;
    }

    [LoggerMessage(EventId = 1663, Level = LogLevel.Warning,
        Message = "A cluster node named {Node} checked in {Age} ago: each node needs its own ContactCenter:Store:PostgreSql:NodeName. This one waits until that node has been silent for {Silence} (a node restarted after a crash waits only that long)")]
    private static partial void NameInUse(ILogger logger, string node, TimeSpan age, TimeSpan silence);

    [LoggerMessage(EventId = 1664, Level = LogLevel.Warning,
        Message = "The cluster check-in of node {Node} could not be removed at stop ({Error}); a node of the same name starting within two check-in intervals waits for it")]
    private static partial void CheckInNotRemoved(ILogger logger, string node, string error);
}
