namespace ContactCenter.Channels.OAuth;

/// <summary>An access token and its lifetime. <see cref="ToString"/> never shows the token.</summary>
public sealed record OAuth2Token(string AccessToken, DateTimeOffset IssuedAt, DateTimeOffset ExpiresAt)
{
    public override string ToString() => $"OAuth2Token(expires {ExpiresAt:O})";
}
