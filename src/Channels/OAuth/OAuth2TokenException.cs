namespace ContactCenter.Channels.OAuth;

/// <summary>
/// The token endpoint refused or could not be reached. <see cref="Exception.Message"/> leads with what it means for an
/// operator ("consent revoked", "client secret expired") and keeps the provider's code; it never holds a secret.
/// </summary>
public sealed class OAuth2TokenException : Exception
{
    public OAuth2TokenException(string meaning, string? error, string? description, string source, Exception? inner = null)
        : base(Compose(meaning, error, description, source), inner)
    {
        Meaning = meaning;
        Error = error;
    }

    public OAuth2TokenException()
        : this("token request failed", null, null, "the token endpoint")
    {
    }

    public OAuth2TokenException(string message)
        : this(message, null, null, "the token endpoint")
    {
    }

    public OAuth2TokenException(string message, Exception inner)
        : this(message, null, null, "the token endpoint", inner)
    {
    }

    /// <summary>The operator's reading, e.g. <c>consent revoked</c>.</summary>
    public string Meaning { get; }

    /// <summary>The OAuth2 error code (<c>invalid_grant</c>), when the endpoint sent one.</summary>
    public string? Error { get; }

    private static string Compose(string meaning, string? error, string? description, string source)
    {
        var detail = string.Join(": ", new[] { error, OAuth2ErrorMeaning.Shorten(description) }.Where(s => !string.IsNullOrWhiteSpace(s)));
        return $"OAuth2: {meaning} (from {source}{(detail.Length > 0 ? "; " + detail : "")})";
    }
}
