namespace ContactCenter.Channels.OAuth;

/// <summary>The one place that knows which provider class serves which <see cref="OAuth2Options"/>.</summary>
internal static class OAuth2TokenSources
{
    public const string GoogleScope = "https://mail.google.com/";

    /// <param name="mailbox">The login name; a Google service account acts as this user.</param>
    /// <param name="rotated">Where a rotated refresh token is kept; default: in memory only.</param>
    public static IOAuth2TokenSource Create(
        OAuth2Options options, string mailbox, HttpClient http, TimeProvider time, RotatedRefreshTokenStore? rotated = null) =>
        options.Provider switch
        {
            OAuth2Provider.Microsoft365 => new MicrosoftTokenSource(options, http, time),
            OAuth2Provider.Google when options.EffectiveGrant == OAuth2Grant.ServiceAccount => new GoogleServiceAccountTokenSource(
                options, mailbox, Uri.TryCreate(options.TokenEndpoint, UriKind.Absolute, out var uri) ? uri : null, http, time),
            OAuth2Provider.Google => new GenericTokenSource(
                options, options.TokenEndpoint ?? GoogleServiceAccountTokenSource.DefaultTokenUri, GoogleScope, http, time,
                rotated ?? RotatedRefreshTokenStore.InMemory(time)),
            _ => new GenericTokenSource(options, options.TokenEndpoint, null, http, time, rotated ?? RotatedRefreshTokenStore.InMemory(time)),
        };
}
