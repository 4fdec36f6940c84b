namespace ContactCenter.Workers.Control;

/// <summary>
/// <c>ContactCenter:Control</c>: the service's HTTP endpoint for health, metrics and the backoffice API. <see cref="Url"/>
/// is the loopback listener the CLI uses; <see cref="RemoteUrl"/> opens it to the network, only with TLS
/// (<see cref="Certificate"/>) and <see cref="ApiKeys"/>. Once a key is configured every API call needs one, on loopback
/// too (the CLI uses the local key file the service writes in its data folder).
/// </summary>
internal sealed class ControlOptions
{
    public const string SectionName = "ContactCenter:Control";

    public bool Enabled { get; set; } = true;

    /// <summary>One http URL with an explicit port on a loopback address (127.0.0.1, [::1] or localhost).</summary>
    public string Url { get; set; } = "http://127.0.0.1:5280";

    /// <summary>Retired: refused at start with a pointer to <see cref="RemoteUrl"/> (the endpoint had no authentication).</summary>
    public bool AllowRemote { get; set; }

    /// <summary>An https URL with an explicit port for the network (e.g. https://0.0.0.0:5281); needs a certificate and keys.</summary>
    public string? RemoteUrl { get; set; }

    public ControlCertificateOptions Certificate { get; set; } = new();

    /// <summary>API keys by name, each with its hash and role.</summary>
    public Dictionary<string, ControlApiKeyOptions> ApiKeys { get; set; } = new(StringComparer.Ordinal);

    /// <summary>True when calls must carry an API key.</summary>
    public bool RequiresKeys => ApiKeys.Count > 0;

    /// <summary><c>/health</c> turns unhealthy (503) when a channel has kept failing for longer than this.</summary>
    public TimeSpan ChannelUnhealthyAfter { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>How long a CLI verb waits for the service to answer before it opens the store itself.</summary>
    public TimeSpan ClientConnectTimeout { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>How long a CLI verb waits for the service to carry out a request (a retry runs the pipeline).</summary>
    public TimeSpan ClientRequestTimeout { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>
    /// <c>/health</c> turns degraded when a folder the store writes (data, archive, quarantine) or the temp folder (OCR
    /// work files) has less free space than this, before a full disk stops ingestion; 0 turns the check off.
    /// </summary>
    public long MinFreeDiskBytes { get; set; } = 1L << 30;

    /// <summary>
    /// <c>/health</c> turns degraded when an IMAP mailbox is this full (in percent of its storage or message quota, as its
    /// server reports it): a full mailbox makes the provider refuse the citizens' mail before it reaches the service.
    /// 0 turns the check off.
    /// </summary>
    public int MailboxQuotaWarningPercent { get; set; } = 80;

    /// <summary>
    /// <c>/health</c> turns degraded when the last complete <c>store backup</c> is older than this (the nightly timer
    /// with a day's slack), or its last run found problems. Judged only once a backup has run on this data folder.
    /// </summary>
    public TimeSpan BackupMaxAge { get; set; } = TimeSpan.FromHours(36);

    /// <summary>How often the outbox and quarantine gauges are read from the store.</summary>
    public TimeSpan GaugeRefreshInterval { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// How often the open, overdue and to-review ticket gauges are counted. Counting reads every ticket's status and due
    /// date (on LiteDB while ingest waits for the file), and a due date moves by days: minutes are fresh enough.
    /// </summary>
    public TimeSpan TicketGaugeRefreshInterval { get; set; } = TimeSpan.FromMinutes(2);

    public Uri ParsedUrl => new(Url, UriKind.Absolute);
}
