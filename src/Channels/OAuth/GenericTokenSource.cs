namespace ContactCenter.Channels.OAuth;

/// <summary>
/// A plain OAuth2 token endpoint: the client credentials grant, or the refresh token grant (Generic and Google). A
/// refresh token the server rotates is kept in memory for the next request.
/// </summary>
internal sealed class GenericTokenSource(OAuth2Options options, string? endpoint, string? defaultScope, HttpClient http, TimeProvider time)
    : IOAuth2TokenSource
{
    private string? rotatedRefreshToken;

    public string Description => Uri.TryCreate(endpoint, UriKind.Absolute, out var uri) ? uri.GetLeftPart(UriPartial.Path) : "(no TokenEndpoint)";

    public DateTimeOffset? CredentialExpiresAt => OAuth2Credentials.SecretExpiry(options);

    public async Task<OAuth2Token> RequestAsync(CancellationToken cancellationToken)
    {
        var form = new Dictionary<string, string>(StringComparer.Ordinal);
        if (options.EffectiveGrant == OAuth2Grant.RefreshToken)
        {
            form["grant_type"] = "refresh_token";
            form["refresh_token"] = rotatedRefreshToken
                ?? await OAuth2Secret.ReadAsync(options.RefreshToken, options.RefreshTokenFile, options.RefreshTokenEnvironmentVariable, "refresh token", cancellationToken).ConfigureAwait(false)
                ?? throw new OAuth2TokenException("no refresh token configured");
        }
        else
        {
            form["grant_type"] = "client_credentials";
        }

        form["client_id"] = options.ClientId!;
        var secret = await OAuth2Secret.ReadAsync(options.ClientSecret, options.ClientSecretFile, options.ClientSecretEnvironmentVariable, "client secret", cancellationToken)
            .ConfigureAwait(false);
        if (secret is not null)
        {
            form["client_secret"] = secret;
        }

        if ((options.Scope ?? defaultScope) is { Length: > 0 } scope)
        {
            form["scope"] = scope;
        }

        // Checked at start for a channel; a relay with receipts off is not, so a bad URL is this request's error.
        if (!Uri.TryCreate(endpoint, UriKind.Absolute, out var target))
        {
            throw new OAuth2TokenException($"TokenEndpoint '{endpoint}' is not an absolute URL");
        }

        var answer = await OAuth2TokenEndpoint.RequestAsync(http, target, form, time, cancellationToken).ConfigureAwait(false);
        if (answer.RefreshToken is { Length: > 0 } rotated)
        {
            rotatedRefreshToken = rotated;
        }

        return answer.Token;
    }
}
