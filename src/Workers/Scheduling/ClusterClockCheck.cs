using ContactCenter.Stores.PostgreSql;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace ContactCenter.Workers.Scheduling;

/// <summary>
/// Quartz declares a node dead by comparing its last check-in with the local clock: a node whose clock runs ahead of
/// the others by about a check-in interval takes their channels while they still poll them, and one behind is taken
/// for dead itself. Once at start, this compares the machine's clock with the database server's (the reference every
/// node shares) and warns, naming the gap, when they differ by more than <see cref="Tolerance"/>; NTP keeps machines
/// within milliseconds, so a larger gap means the clock is not synchronised.
/// </summary>
internal sealed partial class ClusterClockCheck(ClusterCheckIns checkIns, TimeProvider time, ILogger<ClusterClockCheck> logger) : IHostedService
{
    internal static readonly TimeSpan Tolerance = TimeSpan.FromSeconds(2);

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var before = time.GetUtcNow();
        DateTimeOffset server;
        try
        {
            server = await checkIns.ServerNowAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (NpgsqlException e)
        {
            NotCompared(logger, e.Message); // a warning, not a failed start: the node works without it
            return;
        }

        var roundTrip = time.GetUtcNow() - before;
        var gap = before + roundTrip / 2 - server; // positive: this machine is ahead
        if (gap.Duration() > Tolerance + roundTrip / 2)
        {
            ClockApart(logger, Math.Round(gap.Duration().TotalSeconds, 1), gap > TimeSpan.Zero ? "ahead of" : "behind");
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(EventId = 1665, Level = LogLevel.Warning,
        Message = "This machine's clock is {GapSeconds} s {Direction} the database server's: cluster nodes judge each other alive by their clocks, so a node may take channels another still polls. Synchronise the clocks (NTP, chrony, systemd-timesyncd)")]
    private static partial void ClockApart(ILogger logger, double gapSeconds, string direction);

    [LoggerMessage(EventId = 1666, Level = LogLevel.Warning, Message = "This machine's clock could not be compared with the database server's: {Error}")]
    private static partial void NotCompared(ILogger logger, string error);
}
