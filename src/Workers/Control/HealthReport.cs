namespace ContactCenter.Workers.Control;

/// <summary>The body of <c>GET /health</c>: Healthy or Unhealthy, and why, per channel.</summary>
internal sealed record HealthReport(string Status, DateTimeOffset At, TimeSpan UnhealthyAfter, IReadOnlyList<ChannelHealth> Channels)
{
    public const string Healthy = "Healthy";
    public const string Unhealthy = "Unhealthy";

    public bool IsHealthy => Status == Healthy;

    /// <summary>The ticket store as last probed; null where no monitor runs.</summary>
    public StoreHealth? Store { get; init; }
}
