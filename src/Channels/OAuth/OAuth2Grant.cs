namespace ContactCenter.Channels.OAuth;

/// <summary>How a token is obtained (<c>OAuth2:Grant</c>).</summary>
public enum OAuth2Grant
{
    /// <summary>The application's own identity (client id + secret or certificate); Microsoft365 and Generic.</summary>
    ClientCredentials,

    /// <summary>A long-lived refresh token a user consented to once; Google and Generic.</summary>
    RefreshToken,

    /// <summary>A Google service account key acting as the mailbox user (domain-wide delegation, JWT bearer grant).</summary>
    ServiceAccount,
}
