using System.Threading.RateLimiting;

namespace ContactCenter.WebForm.RateLimits;

/// <summary>
/// One client's fixed window under one policy, counted by this node and by the cluster (<see cref="SharedRateWindows"/>):
/// the node's own window answers first, so a flood from one address costs the database nothing once the node refuses
/// it, and a request the node would allow is counted in the cluster's window too, which refuses it once the client's
/// requests to all nodes together pass the limit.
/// </summary>
internal sealed class ClusterWindowLimiter(SharedRateWindows shared, string policy, string client, int permits, TimeSpan window) : ReplenishingRateLimiter
{
    // Replenished by the partitioned limiter's one timer, as its own fixed windows are: a timer per client address
    // would let a sender rotating addresses make thousands.
    private readonly FixedWindowRateLimiter local = new(WebFormRateLimits.WindowOptions(permits, window));

    public override bool IsAutoReplenishing => false;

    public override TimeSpan ReplenishmentPeriod => local.ReplenishmentPeriod;

    public override TimeSpan? IdleDuration => local.IdleDuration;

    public override bool TryReplenish() => local.TryReplenish();

    public override RateLimiterStatistics? GetStatistics() => local.GetStatistics();

    // ASP.NET Core's middleware tries the synchronous path first and awaits the asynchronous one only when it fails:
    // the cluster's count is a round trip, so it is taken there, and the node's own window with it.
    protected override RateLimitLease AttemptAcquireCore(int permitCount) => WindowLease.Deferred;

    protected override async ValueTask<RateLimitLease> AcquireAsyncCore(int permitCount, CancellationToken cancellationToken)
    {
        var lease = local.AttemptAcquire(permitCount);
        if (!lease.IsAcquired)
        {
            return lease;
        }

        var retryAfter = await shared.RefusedAsync(policy, client, permits, window, cancellationToken).ConfigureAwait(false);
        if (retryAfter is null)
        {
            return lease;
        }

        lease.Dispose();
        return new WindowLease(false, retryAfter);
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            local.Dispose();
        }

        base.Dispose(disposing);
    }
}
