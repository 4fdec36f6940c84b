using Microsoft.Extensions.Logging;

namespace ContactCenter.Channels.OAuth;

/// <summary>Log messages of the OAuth2 token cache (event ids 2760-2779). Never a token, secret or assertion.</summary>
internal static partial class OAuth2Log
{
    [LoggerMessage(2760, LogLevel.Information, "{Channel}: OAuth2 token obtained from {Source}, valid until {ExpiresAt:O}")]
    public static partial void TokenObtained(ILogger logger, string channel, string source, DateTimeOffset expiresAt);

    [LoggerMessage(2761, LogLevel.Error, "{Channel}: OAuth2 token refresh failed: {Error}")]
    public static partial void RefreshFailed(ILogger logger, string channel, string error);

    [LoggerMessage(2762, LogLevel.Warning, "{Channel}: the mail server refused the OAuth2 token valid until {ExpiresAt:O}; a new one is requested at the next login")]
    public static partial void TokenRefused(ILogger logger, string channel, DateTimeOffset expiresAt);

    [LoggerMessage(2763, LogLevel.Warning, "{Channel}: the OAuth2 secret or certificate expires on {ExpiresAt:yyyy-MM-dd}, in {Days} day(s): renew it")]
    public static partial void CredentialExpiring(ILogger logger, string channel, DateTimeOffset expiresAt, int days);

    [LoggerMessage(2764, LogLevel.Information, "{Channel}: the session's OAuth2 token has expired; reconnecting with a fresh one")]
    public static partial void SessionTokenExpired(ILogger logger, string channel);

    [LoggerMessage(2765, LogLevel.Information, "{Channel}: the OAuth2 server rotated the refresh token; the new one is kept in {Path}")]
    public static partial void RotatedRefreshTokenSaved(ILogger logger, string channel, string path);

    [LoggerMessage(2766, LogLevel.Warning, "{Channel}: the rotated OAuth2 refresh token cannot be saved in {Path} ({Error}); it is kept in memory only, so after a restart the login needs a new refresh token")]
    public static partial void RotatedRefreshTokenNotSaved(ILogger logger, string channel, string path, string error);

    [LoggerMessage(2767, LogLevel.Information, "{Channel}: the configured OAuth2 refresh token changed; the rotated one descending from the earlier token is dropped")]
    public static partial void ConfiguredRefreshTokenChanged(ILogger logger, string channel);

    [LoggerMessage(2768, LogLevel.Warning, "{Channel}: the rotated OAuth2 refresh token was refused ({Error}); trying the configured one")]
    public static partial void RotatedRefreshTokenRefused(ILogger logger, string channel, string error);

    [LoggerMessage(2769, LogLevel.Warning, "{Channel}: the rotated OAuth2 refresh token state {Path} cannot be read or removed ({Error})")]
    public static partial void RotatedRefreshTokenUnreadable(ILogger logger, string channel, string path, string error);
}
