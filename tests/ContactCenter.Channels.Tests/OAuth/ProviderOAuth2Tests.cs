using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text.Json;
using ContactCenter.Channels.OAuth;
using ContactCenter.Channels.Tests.Email;
using ContactCenter.Testing;
using ContactCenter.Testing.OAuth;

namespace ContactCenter.Channels.Tests.OAuth;

/// <summary>
/// The Microsoft365 (MSAL, against the token server's Entra-shaped https endpoint) and Google (service account JWT
/// grant) providers logging in to the real Dovecot.
/// </summary>
[Collection(DovecotOAuth2Fixture.Collection)]
public sealed class ProviderOAuth2Tests(DovecotOAuth2Fixture fixture)
{
    [Fact]
    public async Task Imap_Microsoft365ClientSecretThroughMsal_LogsInAndFetches()
    {
        var user = fixture.Dovecot.CreateUser("om365");
        fixture.Tokens.AddClient("11111111-2222-3333-4444-" + user[^9..].PadLeft(12, '0'), user, secret: "m365-secret");
        var options = new OAuth2Options
        {
            Provider = OAuth2Provider.Microsoft365,
            TenantId = "contoso.onmicrosoft.com",
            ClientId = "11111111-2222-3333-4444-" + user[^9..].PadLeft(12, '0'),
            ClientSecret = "m365-secret",
            Authority = fixture.Tokens.HttpsUrl,
        };
        await fixture.Dovecot.AppendManyAsync(user, TestMail.Many(2));
        var logger = new RecordingLogger();
        var cache = OAuth2TestSetup.Cache(fixture.Tokens, options, user, logger);
        await using var source = OAuth2TestSetup.Imap(fixture.Dovecot, user, options, cache, logger);

        var items = (await source.PollAllAsync(acknowledge: true)).Items();

        items.Should().HaveCount(2);
        fixture.Tokens.Issued.Should().Contain(t => t.ClientId == options.ClientId && t.GrantType == "client_credentials");
        fixture.Dovecot.ReadLog().Should().MatchRegex($@"imap-login: Info: Login: user=<{user}>, method=XOAUTH2");
    }

    [Fact]
    public async Task Pop3_Microsoft365Certificate_AssertionVerifiedAndExpiryShown()
    {
        var user = fixture.Dovecot.CreateUser("ocert");
        using var data = new TempDirectory("cc-oauth-cert");
        using var key = RSA.Create(2048);
        var request = new CertificateRequest("CN=contactcenter-test", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var notAfter = DateTimeOffset.UtcNow.AddDays(20);
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), notAfter);
        await File.WriteAllBytesAsync(data.Combine("app.pfx"), certificate.Export(X509ContentType.Pkcs12));
        var clientId = "cert-app-" + user;
        fixture.Tokens.AddClient(clientId, user, publicKey: certificate.GetRSAPublicKey());
        var options = new OAuth2Options
        {
            Provider = OAuth2Provider.Microsoft365, TenantId = "contoso", ClientId = clientId,
            CertificateFile = data.Combine("app.pfx"), Authority = fixture.Tokens.HttpsUrl,
        };
        await fixture.Dovecot.AppendManyAsync(user, TestMail.Many(1));
        var logger = new RecordingLogger();
        var cache = OAuth2TestSetup.Cache(fixture.Tokens, options, user, logger);
        await using var source = OAuth2TestSetup.Pop3(fixture.Dovecot, user, data.Combine("pop.json"), options, cache, logger);

        (await source.PollAllAsync(acknowledge: true)).Items().Should().ContainSingle();

        cache.Status.CredentialExpiresAt.Should().BeCloseTo(notAfter, TimeSpan.FromSeconds(2));
        logger.Has(2763).Should().BeTrue("a certificate expiring within 30 days is warned about");
    }

    [Fact]
    public async Task Imap_GoogleServiceAccount_ActsAsTheMailbox()
    {
        var user = fixture.Dovecot.CreateUser("ogoog");
        using var data = new TempDirectory("cc-oauth-google");
        using var key = RSA.Create(2048);
        var account = $"ingest-{user}@contactcenter-test.iam.gserviceaccount.com";
        fixture.Tokens.AddClient(account, user: "", publicKey: key);
        var keyFile = data.Combine("service-account.json");
        await File.WriteAllTextAsync(keyFile, JsonSerializer.Serialize(new Dictionary<string, string>
        {
            ["type"] = "service_account",
            ["client_email"] = account,
            ["private_key_id"] = "k1",
            ["private_key"] = key.ExportPkcs8PrivateKeyPem(),
            ["token_uri"] = fixture.Tokens.TokenEndpoint,
        }));
        var options = new OAuth2Options { Provider = OAuth2Provider.Google, ServiceAccountKeyFile = keyFile };
        await fixture.Dovecot.AppendManyAsync(user, TestMail.Many(1));
        var logger = new RecordingLogger();
        var cache = OAuth2TestSetup.Cache(fixture.Tokens, options, user, logger);
        await using var source = OAuth2TestSetup.Imap(fixture.Dovecot, user, options, cache, logger);

        (await source.PollAllAsync(acknowledge: true)).Items().Should().ContainSingle();

        fixture.Tokens.Issued.Should().Contain(t => t.ClientId == account && t.User == user && t.GrantType.EndsWith("jwt-bearer"));
    }
}
