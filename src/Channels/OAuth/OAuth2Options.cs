namespace ContactCenter.Channels.OAuth;

/// <summary>
/// The <c>OAuth2</c> section of a mailbox channel or of <c>ContactCenter:Smtp</c>, used when <c>Auth</c> is
/// <see cref="MailAuthentication.OAuth2"/>. Every secret has a file and an environment variable form.
/// </summary>
public sealed class OAuth2Options
{
    public OAuth2Provider Provider { get; set; } = OAuth2Provider.Generic;

    /// <summary>Default: ClientCredentials (Microsoft365, Generic), ServiceAccount (Google).</summary>
    public OAuth2Grant? Grant { get; set; }

    /// <summary>Microsoft365: the directory (tenant) id or domain.</summary>
    public string? TenantId { get; set; }

    public string? ClientId { get; set; }

    public string? ClientSecret { get; set; }

    /// <summary>A file holding the client secret (a relative name is looked up in <c>$CREDENTIALS_DIRECTORY</c> first).</summary>
    public string? ClientSecretFile { get; set; }

    public string? ClientSecretEnvironmentVariable { get; set; }

    /// <summary>Microsoft365: a certificate with its private key (PKCS#12 <c>.pfx</c>/<c>.p12</c>, or PEM) instead of a secret.</summary>
    public string? CertificateFile { get; set; }

    /// <summary>The file holding the PKCS#12 password, if it has one.</summary>
    public string? CertificatePasswordFile { get; set; }

    public string? RefreshToken { get; set; }

    public string? RefreshTokenFile { get; set; }

    public string? RefreshTokenEnvironmentVariable { get; set; }

    /// <summary>Google: the service account's JSON key file (its <c>client_email</c> must have domain-wide delegation).</summary>
    public string? ServiceAccountKeyFile { get; set; }

    /// <summary>Generic: the token endpoint. Google: overrides <c>https://oauth2.googleapis.com/token</c>.</summary>
    public string? TokenEndpoint { get; set; }

    /// <summary>Microsoft365: overrides <c>https://login.microsoftonline.com</c> (sovereign clouds, tests).</summary>
    public string? Authority { get; set; }

    /// <summary>Space-separated scopes; default <c>https://outlook.office365.com/.default</c> (Microsoft365), <c>https://mail.google.com/</c> (Google).</summary>
    public string? Scope { get; set; }

    /// <summary>A token is replaced this long before it expires (at most half its lifetime).</summary>
    public TimeSpan RefreshBefore { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>When the client secret expires (from the app registration); shown by <c>status</c>, <c>/health</c> and <c>channels check</c>.</summary>
    public DateOnly? SecretExpiresOn { get; set; }

    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(30);

    internal OAuth2Grant EffectiveGrant => Grant ?? (Provider == OAuth2Provider.Google ? OAuth2Grant.ServiceAccount : OAuth2Grant.ClientCredentials);
}
