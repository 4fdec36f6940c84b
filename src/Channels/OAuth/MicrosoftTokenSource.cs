using Microsoft.Identity.Client;

namespace ContactCenter.Channels.OAuth;

/// <summary>
/// Microsoft Entra ID client credentials through MSAL (the application's own identity, as Exchange Online expects for an
/// unattended mailbox), with a client secret or a certificate. The application is rebuilt for every request, so a
/// rotated secret or certificate file is picked up without a restart; the token cache is <see cref="OAuth2TokenCache"/>.
/// </summary>
internal sealed class MicrosoftTokenSource(OAuth2Options options, HttpClient http, TimeProvider time) : IOAuth2TokenSource
{
    public const string DefaultAuthority = "https://login.microsoftonline.com";
    public const string DefaultScope = "https://outlook.office365.com/.default";

    private DateTimeOffset? certificateExpiresAt;

    public string Description => $"{AuthorityUri} (Microsoft Entra ID, app {options.ClientId})";

    public DateTimeOffset? CredentialExpiresAt => certificateExpiresAt ?? OAuth2Credentials.SecretExpiry(options);

    private string AuthorityUri => $"{(options.Authority ?? DefaultAuthority).TrimEnd('/')}/{options.TenantId}";

    public async Task<OAuth2Token> RequestAsync(CancellationToken cancellationToken)
    {
        var builder = ConfidentialClientApplicationBuilder.Create(options.ClientId)
            .WithAuthority(AuthorityUri, validateAuthority: options.Authority is null)
            .WithHttpClientFactory(new SharedHttpClient(http));
        if (options.Authority is not null)
        {
            // A private authority (sovereign cloud proxy, test server) is not in Microsoft's instance list.
            builder = builder.WithInstanceDiscovery(false);
        }

        if (!string.IsNullOrWhiteSpace(options.CertificateFile))
        {
            var certificate = OAuth2Credentials.LoadCertificate(options);
            certificateExpiresAt = new DateTimeOffset(certificate.NotAfter.ToUniversalTime(), TimeSpan.Zero);
            builder = builder.WithCertificate(certificate, sendX5C: true);
        }
        else
        {
            var secret = await OAuth2Secret.ReadAsync(options.ClientSecret, options.ClientSecretFile, options.ClientSecretEnvironmentVariable, "client secret", cancellationToken)
                .ConfigureAwait(false) ?? throw new OAuth2TokenException("no client secret or certificate configured");
            builder = builder.WithClientSecret(secret);
        }

        var scopes = (options.Scope ?? DefaultScope).Split(' ', StringSplitOptions.RemoveEmptyEntries);
        try
        {
            var result = await builder.Build().AcquireTokenForClient(scopes).WithForceRefresh(true)
                .ExecuteAsync(cancellationToken).ConfigureAwait(false);
            return new OAuth2Token(result.AccessToken, time.GetUtcNow(), result.ExpiresOn);
        }
        catch (MsalServiceException ex)
        {
            throw new OAuth2TokenException(OAuth2ErrorMeaning.Explain(ex.ErrorCode, ex.Message), ex.ErrorCode, ex.Message, Description, ex);
        }
        catch (MsalClientException ex)
        {
            throw new OAuth2TokenException($"MSAL refused the configuration or the answer ({ex.ErrorCode})", ex.ErrorCode, ex.Message, Description, ex);
        }
    }

    private sealed class SharedHttpClient(HttpClient http) : IMsalHttpClientFactory
    {
        public HttpClient GetHttpClient() => http;
    }
}
