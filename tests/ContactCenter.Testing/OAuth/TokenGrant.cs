namespace ContactCenter.Testing.OAuth;

/// <summary>An access token the test server issued: for whom, until when, and whether it was revoked.</summary>
public sealed record TokenGrant(string Token, string ClientId, string User, DateTimeOffset ExpiresAt, string GrantType)
{
    public bool Revoked { get; set; }
}
