namespace ContactCenter.Workers.Control;

/// <summary>The body of <c>GET /health</c>: Healthy or Unhealthy, and why, per channel.</summary>
internal sealed record HealthReport(string Status, DateTimeOffset At, TimeSpan UnhealthyAfter, IReadOnlyList<ChannelHealth> Channels)
{
    public const string Healthy = "Healthy";
    public const string Unhealthy = "Unhealthy";

    public bool IsHealthy => Status == Healthy;

    /// <summary>The SMTP relay's OAuth2 login (token and secret expiry, last refresh failure), when it uses one.</summary>
    public ContactCenter.Channels.OAuth.OAuth2Status? SmtpOAuth2 { get; init; }
    /// <summary>The ticket store as last probed; null where no monitor runs.</summary>
    public StoreHealth? Store { get; init; }
}
