namespace ContactCenter.Workers.Control;

/// <summary>
/// The body of <c>GET /health</c>: Healthy, Degraded (a channel's last poll failed, a store folder's disk is nearly
/// full, or the backups stopped or found problems: still 200, with the reason) or
/// Unhealthy (a channel has kept failing longer than ChannelUnhealthyAfter: 503), and why, per channel.
/// </summary>
internal sealed record HealthReport(
    string Status, DateTimeOffset At, TimeSpan UnhealthyAfter, IReadOnlyList<ChannelHealth> Channels, string? Reason = null)
{
    public const string Healthy = "Healthy";
    public const string Degraded = "Degraded";
    public const string Unhealthy = "Unhealthy";

    /// <summary>Served with 200: healthy, or degraded but not yet failing for longer than allowed.</summary>
    public bool IsHealthy => Status != Unhealthy;

    /// <summary>The version of the node that answered (<c>1.0.0+commit</c>): after an upgrade, which nodes run which code.</summary>
    public string Version { get; init; } = "";

    /// <summary>The SMTP relay's OAuth2 login (token and secret expiry, last refresh failure), when it uses one.</summary>
    public ContactCenter.Channels.OAuth.OAuth2Status? SmtpOAuth2 { get; init; }
    /// <summary>The ticket store as last probed; null where no monitor runs.</summary>
    public StoreHealth? Store { get; init; }

    /// <summary>The store backups as <c>store backup</c> last recorded them; null when none has run here.</summary>
    public BackupHealth? Backup { get; init; }

    /// <summary>Store folders short of free space (<see cref="ControlOptions.MinFreeDiskBytes"/>), each naming the key.</summary>
    public IReadOnlyList<string> LowDiskSpace { get; init; } = [];
}
