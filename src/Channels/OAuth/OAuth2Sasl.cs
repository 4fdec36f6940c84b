using MailKit.Security;

namespace ContactCenter.Channels.OAuth;

/// <summary>Picks the SASL mechanism a bearer token goes in: XOAUTH2 (Microsoft, Google, Dovecot) or else OAUTHBEARER (RFC 7628).</summary>
internal static class OAuth2Sasl
{
    public static SaslMechanism Create(ICollection<string> offered, string user, OAuth2Token token) =>
        !offered.Contains("XOAUTH2") && offered.Contains("OAUTHBEARER")
            ? new SaslMechanismOAuthBearer(user, token.AccessToken)
            : new SaslMechanismOAuth2(user, token.AccessToken);
}
