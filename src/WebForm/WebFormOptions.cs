namespace ContactCenter.WebForm;

/// <summary>
/// <c>ContactCenter:WebForm</c>: the citizens' online form and tracking page, on a listener of its own (never the
/// control endpoint's), meant to sit behind the institutional site's reverse proxy.
/// </summary>
internal sealed class WebFormOptions
{
    public const string SectionName = "ContactCenter:WebForm";

    public bool Enabled { get; set; }

    /// <summary>Where the form listens: one http URL with an explicit port; TLS is the reverse proxy's job.</summary>
    public string Url { get; set; } = "http://127.0.0.1:5290";

    /// <summary>The path the proxy publishes the form under, e.g. <c>/modulo</c>; empty when served at the root.</summary>
    public string PathBase { get; set; } = "";

    /// <summary>The citizen-facing address of the form (links in receipts), e.g. <c>https://www.example.it/modulo</c>; default <see cref="Url"/> + <see cref="PathBase"/>.</summary>
    public string? PublicUrl { get; set; }

    /// <summary>Proxies whose X-Forwarded-For/-Proto are believed (IP addresses); from anyone else the headers are ignored.</summary>
    public List<string> KnownProxies { get; set; } = [];

    /// <summary>Proxy networks in CIDR notation, e.g. <c>10.0.0.0/8</c>.</summary>
    public List<string> KnownNetworks { get; set; } = [];

    /// <summary>The channel name the tickets carry (routing rules can match it with <c>ChannelNames</c>).</summary>
    public string ChannelName { get; set; } = "modulo-online";

    /// <summary>Topics offered; empty: the categories of the routing rules and the default one.</summary>
    public List<string> Topics { get; set; } = [];

    public int MaxAttachments { get; set; } = 5;

    public long MaxAttachmentBytes { get; set; } = 10 * 1024 * 1024;

    /// <summary>A whole request; a larger one is refused before it is read.</summary>
    public long MaxRequestBytes { get; set; } = 30 * 1024 * 1024;

    /// <summary>Extensions accepted; each file's content must match its extension (an .exe renamed .pdf is refused).</summary>
    public List<string> AllowedAttachmentTypes { get; set; } = ["pdf", "jpg", "jpeg", "png", "tif", "tiff", "txt"];

    public int MaxSubjectLength { get; set; } = 200;

    public int MaxTextLength { get; set; } = 20_000;

    /// <summary>A form sent back sooner than this after it was served is a robot's.</summary>
    public TimeSpan MinFillTime { get; set; } = TimeSpan.FromSeconds(3);

    /// <summary>A form older than this is refused (its token expired); the citizen reloads it.</summary>
    public TimeSpan MaxFormAge { get; set; } = TimeSpan.FromHours(6);

    /// <summary>Submissions (form and JSON) per client address per <see cref="SubmitWindow"/>.</summary>
    public int SubmitPermitLimit { get; set; } = 10;

    public TimeSpan SubmitWindow { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>Tracking look-ups per client address per <see cref="TrackingWindow"/>: numbers cannot be enumerated.</summary>
    public int TrackingPermitLimit { get; set; } = 20;

    public TimeSpan TrackingWindow { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>The secret the tracking links are signed with; default <c>{DataDirectory}/webform/tracking.key</c>, created on first use.</summary>
    public string? TrackingSecretFile { get; set; }

    /// <summary>Or the name of an environment variable holding the secret (at least 32 characters).</summary>
    public string? TrackingSecretEnvironmentVariable { get; set; }

    /// <summary>Who controls the data, named in the privacy notice (GDPR art. 13).</summary>
    public string DataController { get; set; } = "Dipartimento della Protezione Civile";

    /// <summary>The data protection officer's contact, named in the privacy notice.</summary>
    public string DataProtectionContact { get; set; } = "rpd@protezionecivile.example.it";

    /// <summary>How long requests are kept, as the privacy notice says it.</summary>
    public string RetentionPeriod { get; set; } = "10 anni dalla chiusura della richiesta, come previsto per gli atti d'archivio";

    public Uri ParsedUrl => new(Url, UriKind.Absolute);

    public string ResolvedPublicUrl => (PublicUrl ?? Url.TrimEnd('/') + PathBase).TrimEnd('/');
}
