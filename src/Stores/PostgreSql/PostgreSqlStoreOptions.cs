using System.ComponentModel.DataAnnotations;

namespace ContactCenter.Stores.PostgreSql;

/// <summary><c>ContactCenter:Store:PostgreSql</c>: used when <c>ContactCenter:Store:Provider</c> is <c>PostgreSql</c>.</summary>
public sealed class PostgreSqlStoreOptions
{
    public const string SectionName = "ContactCenter:Store:PostgreSql";

    /// <summary>Npgsql connection string without the password (e.g. <c>Host=db1;Database=contactcenter;Username=cc;SSL Mode=VerifyFull</c>).</summary>
    [Required(ErrorMessage = "ContactCenter:Store:PostgreSql:ConnectionString is required when the provider is PostgreSql.")]
    public string ConnectionString { get; set; } = "";

    /// <summary>File holding the password (a relative name is first looked up as a systemd credential); re-read on each new connection.</summary>
    public string? PasswordFile { get; set; }

    /// <summary>Environment variable holding the password.</summary>
    public string? PasswordEnvironmentVariable { get; set; }

    /// <summary>
    /// File holding the key that encrypts the cluster's shared secrets in the database (the online form's key ring and
    /// tracking secret, rotated OAuth2 refresh tokens, routing models): 32 random bytes in base64, the same on every node,
    /// kept out of the database (a relative name is first looked up as a systemd credential). Further lines hold older
    /// keys, which still open what they sealed (a rotation). Unset: stored as given.
    /// </summary>
    public string? SecretsKeyFile { get; set; }

    /// <summary>Environment variable holding that key instead.</summary>
    public string? SecretsKeyEnvironmentVariable { get; set; }

    /// <summary>Where originals live: in the database (default, every node reads them) or in a folder every node mounts.</summary>
    public PostgreSqlArchiveKind Archive { get; set; } = PostgreSqlArchiveKind.Database;

    /// <summary>Run Quartz clustered on this database, so each channel is polled by one node at a time (default on).</summary>
    public bool Clustered { get; set; } = true;

    /// <summary>This node's name in the cluster (shown by <c>status</c>); default <c>{host}-{process id}</c>, unique per process.</summary>
    public string? NodeName { get; set; }

    public string ResolvedNodeName => string.IsNullOrWhiteSpace(NodeName)
        ? $"{Environment.MachineName}-{Environment.ProcessId.ToString(System.Globalization.CultureInfo.InvariantCulture)}"
        : NodeName.Trim();

    /// <summary>How often a node checks in; a node silent for about this long is replaced by another.</summary>
    public TimeSpan ClusterCheckinInterval { get; set; } = TimeSpan.FromSeconds(7.5);

    /// <summary>Transactions that lost a race with another node (unique key, deadlock, serialization) are run again up to this many times.</summary>
    [Range(1, 100)]
    public int ConflictRetries { get; set; } = 10;

    /// <summary>
    /// Originals up to 1 MiB archived but not yet referred to by a committed write are held in memory up to this many
    /// bytes in all, and written with the transaction that refers to them; past it they are written at once. 0 writes
    /// every original at once.
    /// </summary>
    public long PendingBlobBytes { get; set; } = PendingBlobs.DefaultBudgetBytes;
}
