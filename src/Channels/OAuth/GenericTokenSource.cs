namespace ContactCenter.Channels.OAuth;

/// <summary>
/// A plain OAuth2 token endpoint: the client credentials grant, or the refresh token grant (Generic and Google). A
/// refresh token the server rotates is kept in <paramref name="rotated"/> (the data folder) with the fingerprint of the
/// configured token it descends from, and used while that configured token stays the same; on a cluster it is shared,
/// and one node refreshes at a time.
/// </summary>
internal sealed class GenericTokenSource(
    OAuth2Options options, string? endpoint, string? defaultScope, HttpClient http, TimeProvider time, RotatedRefreshTokenStore rotated)
    : IOAuth2TokenSource
{
    private const string InvalidGrant = "invalid_grant";

    public string Description => Uri.TryCreate(endpoint, UriKind.Absolute, out var uri) ? uri.GetLeftPart(UriPartial.Path) : "(no TokenEndpoint)";

    public DateTimeOffset? CredentialExpiresAt => OAuth2Credentials.SecretExpiry(options);

    public async Task<OAuth2Token> RequestAsync(CancellationToken cancellationToken)
    {
        if (options.EffectiveGrant != OAuth2Grant.RefreshToken)
        {
            return (await PostAsync(new() { ["grant_type"] = "client_credentials" }, cancellationToken).ConfigureAwait(false)).Token;
        }

        return await rotated.SerializedAsync(RefreshGrantAsync, cancellationToken).ConfigureAwait(false);
    }

    private async Task<OAuth2Token> RefreshGrantAsync(CancellationToken cancellationToken)
    {
        // Read at every request, so a token the administrator puts in the file is used at once.
        var configured = await OAuth2Secret.ReadAsync(options.RefreshToken, options.RefreshTokenFile, options.RefreshTokenEnvironmentVariable, "refresh token", cancellationToken)
            .ConfigureAwait(false) ?? throw new OAuth2TokenException("no refresh token configured");
        var fingerprint = RotatedRefreshTokenStore.Fingerprint(configured);
        var kept = await rotated.LoadAsync(fingerprint, cancellationToken).ConfigureAwait(false);
        try
        {
            return await RefreshAsync(kept ?? configured, fingerprint, cancellationToken).ConfigureAwait(false);
        }
        catch (OAuth2TokenException ex) when (kept is not null && ex.Error == InvalidGrant)
        {
            // The rotated token is dead (revoked grant, or spent by a process that crashed before saving its successor):
            // the configured one is what the administrator renewed, or another process's newer rotation if there is one.
            await rotated.ForgetRefusedAsync(kept, ex.Message, cancellationToken).ConfigureAwait(false);
            var next = await rotated.LoadAsync(fingerprint, cancellationToken).ConfigureAwait(false);
            return await RefreshAsync(next ?? configured, fingerprint, cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task<OAuth2Token> RefreshAsync(string refreshToken, string configuredSha256, CancellationToken cancellationToken)
    {
        var answer = await PostAsync(new() { ["grant_type"] = "refresh_token", ["refresh_token"] = refreshToken }, cancellationToken)
            .ConfigureAwait(false);
        if (answer.RefreshToken is { Length: > 0 } successor && successor != refreshToken)
        {
            await rotated.SaveAsync(configuredSha256, successor, cancellationToken).ConfigureAwait(false);
        }

        return answer.Token;
    }

    private async Task<OAuth2TokenEndpoint.Answer> PostAsync(Dictionary<string, string> form, CancellationToken cancellationToken)
    {
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

        return await OAuth2TokenEndpoint.RequestAsync(http, target, form, time, cancellationToken).ConfigureAwait(false);
    }
}
