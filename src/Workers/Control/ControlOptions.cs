namespace ContactCenter.Workers.Control;

/// <summary>
/// <c>ContactCenter:Control</c>: the service's local HTTP endpoint for health, metrics and the backoffice API. It has no
/// authentication, so it listens on loopback only unless <see cref="AllowRemote"/> says otherwise.
/// </summary>
internal sealed class ControlOptions
{
    public const string SectionName = "ContactCenter:Control";

    public bool Enabled { get; set; } = true;

    /// <summary>One http URL with an explicit port; a loopback address (127.0.0.1, [::1] or localhost) by default.</summary>
    public string Url { get; set; } = "http://127.0.0.1:5280";

    /// <summary>Lets <see cref="Url"/> name a non-loopback address. Put a reverse proxy with authentication in front.</summary>
    public bool AllowRemote { get; set; }

    /// <summary><c>/health</c> turns unhealthy (503) when a channel has kept failing for longer than this.</summary>
    public TimeSpan ChannelUnhealthyAfter { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>How long a CLI verb waits for the service to answer before it opens the store itself.</summary>
    public TimeSpan ClientConnectTimeout { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>How long a CLI verb waits for the service to carry out a request (a retry runs the pipeline).</summary>
    public TimeSpan ClientRequestTimeout { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>How often the outbox and quarantine gauges are read from the store.</summary>
    public TimeSpan GaugeRefreshInterval { get; set; } = TimeSpan.FromSeconds(30);

    public Uri ParsedUrl => new(Url, UriKind.Absolute);
}
