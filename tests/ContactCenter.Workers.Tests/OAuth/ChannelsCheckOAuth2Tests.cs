using ContactCenter.Testing;
using ContactCenter.Testing.Dovecot;
using ContactCenter.Testing.OAuth;
using ContactCenter.Testing.Smtp;
using ContactCenter.Workers.Tests.TestSupport;

namespace ContactCenter.Workers.Tests.OAuth;

/// <summary><c>channels check</c> and start-time validation with OAuth2 mailboxes and relay.</summary>
[Collection(DovecotOAuth2Fixture.Collection)]
public sealed class ChannelsCheckOAuth2Tests(DovecotOAuth2Fixture fixture) : IDisposable
{
    private readonly TempDirectory folder = new("cc-oauth-check");

    public void Dispose() => folder.Dispose();

    [Fact]
    public async Task ChannelsCheck_OAuth2MailboxesAndRelay_LogInAndShowTokenAndSecretExpiry()
    {
        var user = fixture.Dovecot.CreateUser("chk");
        fixture.Tokens.AddClient("check-" + user, user, secret: "check-secret");
        fixture.Tokens.AddClient("relay-" + user, "urp@example.it", secret: "relay-secret");
        await using var smtp = await SmtpTestServer.StartWithXoauth2Async(fixture.Tokens.IsActive);
        await File.WriteAllTextAsync(folder.Combine("secret"), "check-secret\n");

        var result = await CliRun.RunAsync(null, "channels", "check", "--config", Config(user, "check-" + user, smtp, "relay-" + user));

        result.ExitCode.Should().Be(0, result.Output + result.Error);
        // Spectre wraps long lines at the terminal width: one check per "✓"/"✗", joined again.
        var checks = Checks(result.Output);
        checks.Should().Contain(l => l.StartsWith("✓ urp (Imap): logged in as " + user, StringComparison.Ordinal)
            && l.Contains("OAuth2 Generic: token valid until", StringComparison.Ordinal) && l.Contains("secret/certificate expires 2027-03-31", StringComparison.Ordinal));
        checks.Should().Contain(l => l.StartsWith("✓ pop (Pop3): logged in as " + user, StringComparison.Ordinal) && l.Contains("OAuth2 Generic", StringComparison.Ordinal));
        checks.Should().Contain(l => l.StartsWith("✓ smtp: connected", StringComparison.Ordinal) && l.Contains("OAuth2 Generic: token valid until", StringComparison.Ordinal));
        result.Output.Should().NotContain("check-secret").And.NotContain("relay-secret");
    }

    [Fact]
    public async Task ChannelsCheck_ConsentRevoked_SaysConsentRevokedAndWhichSection()
    {
        var user = fixture.Dovecot.CreateUser("chkrev");
        fixture.Tokens.AddClient("check-" + user, user, secret: "check-secret").ConsentRevoked = true;
        fixture.Tokens.AddClient("relay-" + user, "urp@example.it", secret: "relay-secret").SecretExpired = true;
        await using var smtp = await SmtpTestServer.StartWithXoauth2Async(fixture.Tokens.IsActive);
        await File.WriteAllTextAsync(folder.Combine("secret"), "check-secret\n");

        var result = await CliRun.RunAsync(null, "channels", "check", "--config", Config(user, "check-" + user, smtp, "relay-" + user));

        result.ExitCode.Should().Be(1);
        var checks = Checks(result.Output);
        checks.Should().Contain(l => l.StartsWith("✗ urp (Imap): OAuth2: consent revoked", StringComparison.Ordinal)
            && l.Contains("fix ContactCenter:Channels:urp:OAuth2", StringComparison.Ordinal));
        checks.Should().Contain(l => l.StartsWith("✗ smtp: OAuth2: client secret expired", StringComparison.Ordinal) && l.Contains("AADSTS7000222", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ConfigCheck_OAuth2Secrets_MaskedAndFilesShown()
    {
        var user = fixture.Dovecot.CreateUser("chkcfg");
        await using var smtp = await SmtpTestServer.StartWithXoauth2Async(fixture.Tokens.IsActive);
        await File.WriteAllTextAsync(folder.Combine("secret"), "check-secret\n");

        var result = await CliRun.RunAsync(null, "config", "check", "--config", Config(user, "check-" + user, smtp, "relay-" + user));

        result.Output.Should().Contain("ClientSecretFile");
        result.Output.Should().NotContain("relay-secret", "the relay's inline ClientSecret is masked");
    }

    [Fact]
    public async Task Run_BadOAuth2Settings_StopsNamingEachKey()
    {
        var config = JsonConfigFile.Write(folder.Path, new
        {
            Store = new { DataDirectory = folder.Combine("data") },
            Channels = new Dictionary<string, object>
            {
                ["urp"] = new
                {
                    Type = "Imap", Host = "127.0.0.1", User = "u", Auth = "OAuth2", Password = "p",
                    OAuth2 = new { Provider = "Generic", ClientId = "app", TokenEndpoint = "http://login.example.com/token", Tenant = "x" },
                },
                ["box"] = new
                {
                    Type = "Pop3", Host = "127.0.0.1", User = "u", Auth = "OAuth2",
                    OAuth2 = new { Provider = "Microsoft365", ClientId = "app", ClientSecret = "s", Grant = "RefreshToken" },
                },
                ["g"] = new { Type = "Imap", Host = "127.0.0.1", User = "u", Auth = "OAuth2", OAuth2 = new { Provider = "Google", ServiceAccountKeyFile = "/nonexistent/key.json" } },
            },
        });

        var result = await CliRun.RunAsync(null, "run", "--config", config);

        result.ExitCode.Should().Be(2);
        result.Error.Should().Contain("ContactCenter:Channels:urp:OAuth2:Tenant: unknown setting");

        // The unknown key stops the section's other checks; without it, every other mistake is named.
        File.WriteAllText(config, File.ReadAllText(config).Replace(",\"Tenant\":\"x\"", "", StringComparison.Ordinal));
        var second = await CliRun.RunAsync(null, "run", "--config", config);
        second.ExitCode.Should().Be(2);
        second.Error.Should().Contain("ContactCenter:Channels:urp:OAuth2:TokenEndpoint: 'http://login.example.com/token' must use https")
            .And.Contain("ContactCenter:Channels:urp:OAuth2:ClientSecret: set exactly one of")
            .And.Contain("ContactCenter:Channels:urp:Password: not used with Auth OAuth2")
            .And.Contain("ContactCenter:Channels:box:OAuth2:Grant: RefreshToken is not available with Provider Microsoft365")
            .And.Contain("ContactCenter:Channels:g:OAuth2:ServiceAccountKeyFile: the file '/nonexistent/key.json' does not exist");
    }

    // Spectre wraps at a space and may keep it at the end of the line: a wrap and the spaces around it are one space.
    private static List<string> Checks(string output) =>
        [.. System.Text.RegularExpressions.Regex.Split(System.Text.RegularExpressions.Regex.Replace(output.ReplaceLineEndings("\n"), " *\n *", " "), "(?=[✓✗] )")
            .Select(c => c.Trim()).Where(c => c.Length > 0)];

    private string Config(string user, string clientId, SmtpTestServer smtp, string relayClient) => JsonConfigFile.Write(folder.Path, new
    {
        Store = new { DataDirectory = folder.Combine("data") },
        Receipts = new { Enabled = true, From = "URP <urp@example.it>" },
        Smtp = new
        {
            Host = smtp.Host, Port = smtp.Port, Security = "None", User = "urp@example.it", Auth = "OAuth2",
            OAuth2 = new { Provider = "Generic", TokenEndpoint = fixture.Tokens.TokenEndpoint, ClientId = relayClient, ClientSecret = "relay-secret" },
        },
        Channels = new Dictionary<string, object>
        {
            ["urp"] = Mailbox("Imap", fixture.Dovecot.ImapPort, user, clientId),
            ["pop"] = Mailbox("Pop3", fixture.Dovecot.Pop3Port, user, clientId),
        },
    });

    private object Mailbox(string type, int port, string user, string clientId) => new
    {
        Type = type, Host = DovecotServer.Host, Port = port, Security = "None", User = user, Auth = "OAuth2",
        OAuth2 = new
        {
            Provider = "Generic", TokenEndpoint = fixture.Tokens.TokenEndpoint, ClientId = clientId, ClientSecretFile = folder.Combine("secret"),
            SecretExpiresOn = "2027-03-31",
        },
    };
}
