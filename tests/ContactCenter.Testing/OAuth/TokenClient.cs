using System.Security.Cryptography;

namespace ContactCenter.Testing.OAuth;

/// <summary>
/// A client registered with the test token server: a secret, a certificate's public key (client assertions) or a
/// service account's public key (JWT bearer grant), and the mailbox its tokens are good for.
/// </summary>
public sealed class TokenClient(string clientId, string user)
{
    public string ClientId { get; } = clientId;

    /// <summary>The mailbox tokens are issued for (a service account acts as the assertion's <c>sub</c> instead).</summary>
    public string User { get; } = user;

    public string? Secret { get; init; }

    /// <summary>Verifies client assertions (Microsoft) and service account assertions (Google).</summary>
    public RSA? PublicKey { get; init; }

    /// <summary>Answered with AADSTS7000222 (client secret expired).</summary>
    public bool SecretExpired { get; set; }

    /// <summary>Answered with invalid_grant AADSTS65001 (consent revoked); its tokens are inactive.</summary>
    public bool ConsentRevoked { get; set; }
}
