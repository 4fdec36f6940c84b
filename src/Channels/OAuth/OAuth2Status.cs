using System.Globalization;

namespace ContactCenter.Channels.OAuth;

/// <summary>
/// What <c>status</c>, <c>/health</c> and <c>channels check</c> show of a channel's OAuth2 login: when the current token
/// and the credential behind it expire, and the last refresh failure (cleared by the next success).
/// </summary>
public sealed record OAuth2Status(
    string Provider,
    DateTimeOffset? TokenExpiresAt,
    DateTimeOffset? CredentialExpiresAt,
    DateTimeOffset? LastRefreshAt,
    string? LastError,
    DateTimeOffset? LastErrorAt)
{
    /// <summary>One line for a terminal, e.g. <c>OAuth2 Microsoft365: token valid until …, secret expires …</c>.</summary>
    public string Describe()
    {
        var parts = new List<string>();
        parts.Add(TokenExpiresAt is { } token ? string.Create(CultureInfo.InvariantCulture, $"token valid until {token:yyyy-MM-dd HH:mm:ss}Z") : "no token yet");
        if (CredentialExpiresAt is { } credential)
        {
            parts.Add(string.Create(CultureInfo.InvariantCulture, $"secret/certificate expires {credential:yyyy-MM-dd}"));
        }

        if (LastError is not null)
        {
            parts.Add($"last refresh failed: {LastError}");
        }

        return $"OAuth2 {Provider}: {string.Join(", ", parts)}";
    }
}
