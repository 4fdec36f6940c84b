namespace ContactCenter.Channels.OAuth;

/// <summary>Where the access tokens come from (<c>OAuth2:Provider</c>).</summary>
public enum OAuth2Provider
{
    /// <summary>Any OAuth2 token endpoint (<c>TokenEndpoint</c>), client credentials or refresh token grant.</summary>
    Generic,

    /// <summary>Microsoft Entra ID (Exchange Online) through MSAL: client credentials with a secret or a certificate.</summary>
    Microsoft365,

    /// <summary>Google Workspace: a service account with domain-wide delegation, or a refresh token.</summary>
    Google,
}
