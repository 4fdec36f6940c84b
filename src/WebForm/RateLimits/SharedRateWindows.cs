using ContactCenter.Core.Diagnostics;
using ContactCenter.Core.Storage;
using Microsoft.Extensions.Logging;

namespace ContactCenter.WebForm.RateLimits;

/// <summary>
/// The cluster's count of a client's requests in windows aligned on the clock (every node computes the same window
/// start; the nodes' clocks are kept in step, and a node warns at start when its clock strays from the database's).
/// When the count cannot be taken (the database is down) the node's own window still holds: the form is not left
/// without a limit, and is not closed either.
/// </summary>
internal sealed class SharedRateWindows(ISharedRateCounter counter, TimeProvider time, ILogger logger)
{
    private readonly IntervalGate _warning = new(time, TimeSpan.FromMinutes(1));

    /// <summary>Counts the request; null when it is within <paramref name="permits"/>, else how long until the window ends.</summary>
    public async Task<TimeSpan?> RefusedAsync(string policy, string client, int permits, TimeSpan window, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var start = new DateTimeOffset(now.UtcTicks - (now.UtcTicks % window.Ticks), TimeSpan.Zero);
        try
        {
            var hits = await counter.HitAsync(policy, client, start, cancellationToken).ConfigureAwait(false);
            return hits <= permits ? null : start + window - now;
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            if (_warning.Due())
            {
                WebFormLog.SharedRateLimitUnavailable(logger, policy, e.Message);
            }

            return null;
        }
    }
}
