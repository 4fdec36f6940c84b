using ContactCenter.Channels.Email;
using ContactCenter.Channels.OAuth;
using ContactCenter.Channels.Tests.Email;
using ContactCenter.Testing;
using ContactCenter.Testing.Dovecot;
using ContactCenter.Testing.OAuth;

namespace ContactCenter.Channels.Tests.OAuth;

/// <summary>Mailbox sources and token caches pointed at the test token server and its Dovecot.</summary>
internal static class OAuth2TestSetup
{
    public static OAuth2Options Generic(TestTokenServer tokens, string clientId, string secret) => new()
    {
        Provider = OAuth2Provider.Generic,
        ClientId = clientId,
        ClientSecret = secret,
        TokenEndpoint = tokens.TokenEndpoint,
        RefreshBefore = TimeSpan.FromMilliseconds(500),
    };

    /// <summary>A registered client for a fresh Dovecot user; returns both.</summary>
    public static (string User, TokenClient Client, OAuth2Options Options) NewMailbox(DovecotOAuth2Fixture fixture, string prefix)
    {
        var user = fixture.Dovecot.CreateUser(prefix);
        var client = fixture.Tokens.AddClient($"app-{user}", user, secret: $"s3cret-{user}");
        return (user, client, Generic(fixture.Tokens, client.ClientId, client.Secret!));
    }

    public static OAuth2TokenCache Cache(TestTokenServer tokens, OAuth2Options options, string user, RecordingLogger logger) =>
        new("urp", OAuth2TokenSources.Create(options, user, new HttpClient(tokens.CreateTrustingHandler()), TimeProvider.System),
            options, TimeProvider.System, logger);

    public static ImapSource Imap(
        DovecotServer dovecot, string user, OAuth2Options options, OAuth2TokenCache cache, RecordingLogger logger, bool idle = false) =>
        new("urp", ImapTestSources.Options(dovecot, user, o =>
        {
            o.Password = null;
            o.Auth = MailAuthentication.OAuth2;
            o.OAuth2 = options;
            o.Idle = idle;
        }), logger, TimeProvider.System, oauth2: cache);

    public static Pop3Source Pop3(DovecotServer dovecot, string user, string statePath, OAuth2Options options, OAuth2TokenCache cache,
        RecordingLogger logger, int batchSize = 100)
    {
        var mail = new Pop3ChannelOptions
        {
            Type = "Pop3", Host = DovecotServer.Host, Port = dovecot.Pop3Port, Security = MailSecurity.None, User = user,
            Auth = MailAuthentication.OAuth2, OAuth2 = options, BatchSize = batchSize, Timeout = TimeSpan.FromSeconds(10),
            RetryDelay = TimeSpan.FromMilliseconds(1), MaxRetryDelay = TimeSpan.FromMilliseconds(1),
        };
        return new Pop3Source("pop", mail, statePath, logger, TimeProvider.System, oauth2: cache);
    }
}
