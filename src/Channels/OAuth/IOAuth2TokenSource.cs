namespace ContactCenter.Channels.OAuth;

/// <summary>One provider's way to get a new access token; <see cref="OAuth2TokenCache"/> decides when to ask.</summary>
public interface IOAuth2TokenSource
{
    /// <summary>What the token is asked from, for messages (never a secret).</summary>
    string Description { get; }

    /// <summary>When the credential behind the tokens expires, where known (certificate, <c>SecretExpiresOn</c>).</summary>
    DateTimeOffset? CredentialExpiresAt { get; }

    /// <summary>A new token; throws <see cref="OAuth2TokenException"/> with the provider's error explained.</summary>
    Task<OAuth2Token> RequestAsync(CancellationToken cancellationToken);
}
