namespace ContactCenter.Core.Storage;

/// <summary>
/// Hits counted in fixed windows across a cluster's nodes (the PostgreSQL store registers one; the embedded store does
/// not): the online form's rate limits then hold for the cluster, where each node counting alone let a client behind
/// a load balancer make as many requests again per node.
/// </summary>
public interface ISharedRateCounter
{
    /// <summary>Counts one hit of <paramref name="client"/> under <paramref name="policy"/> in the window that starts at <paramref name="windowStart"/>; returns the window's hits, this one included.</summary>
    Task<int> HitAsync(string policy, string client, DateTimeOffset windowStart, CancellationToken cancellationToken);
}
