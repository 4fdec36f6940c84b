namespace ContactCenter.Channels.OAuth;

/// <summary>How a mailbox or the SMTP relay is logged in to (<c>Auth</c>).</summary>
public enum MailAuthentication
{
    /// <summary>User and password (SASL PLAIN, LOGIN or whatever the server prefers).</summary>
    Password,

    /// <summary>An OAuth2 access token over SASL XOAUTH2 (or OAUTHBEARER), from the provider in the <c>OAuth2</c> section.</summary>
    OAuth2,
}
