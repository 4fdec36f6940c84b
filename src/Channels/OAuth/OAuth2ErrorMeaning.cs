namespace ContactCenter.Channels.OAuth;

/// <summary>
/// Reads a token endpoint's error (RFC 6749 §5.2 codes, Entra ID's AADSTS numbers, Google's descriptions) as what an
/// operator has to do.
/// </summary>
internal static class OAuth2ErrorMeaning
{
    private const int MaxDescription = 300;

    // Entra ID puts the precise reason in the description; these are the ones an unattended mailbox meets.
    private static readonly (string Code, string Meaning)[] EntraCodes =
    [
        ("AADSTS7000222", "client secret expired: create a new secret for the app registration and update ClientSecretFile"),
        ("AADSTS7000215", "client secret wrong: check ClientSecretFile (the secret's value, not its id)"),
        ("AADSTS700027", "certificate refused: upload the certificate's public key to the app registration, or renew it"),
        ("AADSTS700024", "certificate refused: the client assertion is outside its validity (check the clock and the certificate)"),
        ("AADSTS65001", "consent revoked: an administrator must grant the app's mail permissions again (admin consent)"),
        ("AADSTS650057", "consent revoked: the app lacks the requested mail permission; grant it and give admin consent"),
        ("AADSTS700082", "consent revoked: the refresh token expired; sign in again"),
        ("AADSTS50173", "consent revoked: the grant was revoked (password change or admin action); sign in again"),
        ("AADSTS700016", "application not found: check ClientId and TenantId"),
        ("AADSTS90002", "tenant not found: check TenantId"),
        ("AADSTS7000112", "application disabled in the tenant"),
    ];

    public static string Explain(string? error, string? description)
    {
        foreach (var (code, meaning) in EntraCodes)
        {
            if (description?.Contains(code, StringComparison.Ordinal) == true)
            {
                return meaning;
            }
        }

        return error switch
        {
            "invalid_grant" => "consent revoked or refresh token expired: the grant is no longer valid; a user or administrator must consent again",
            "invalid_client" => "client secret expired or wrong: the client credentials were refused (secret, certificate or key)",
            "unauthorized_client" => "client not authorised for this grant: check the app's permissions or the domain-wide delegation",
            "invalid_scope" => "scope not granted: check Scope and the app's API permissions",
            "access_denied" => "consent revoked: access denied by the provider",
            "temporarily_unavailable" or "server_error" => "token endpoint temporarily unavailable; retried at the next poll",
            _ => "token request refused",
        };
    }

    /// <summary>The first line of a description, capped: Entra ID appends trace and correlation ids.</summary>
    public static string? Shorten(string? description)
    {
        if (string.IsNullOrWhiteSpace(description))
        {
            return null;
        }

        var line = description.ReplaceLineEndings("\n").Split('\n')[0].Trim();
        return line.Length <= MaxDescription ? line : line[..MaxDescription] + "…";
    }
}
