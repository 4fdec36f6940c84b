using System.Net;
using System.Text.Json;
using ContactCenter.Testing;
using ContactCenter.Testing.Dovecot;
using ContactCenter.Testing.OAuth;
using ContactCenter.Workers.Tests.Control;

namespace ContactCenter.Workers.Tests.OAuth;

/// <summary>The running service's <c>/api/status</c> and <c>/health</c> with OAuth2 mailboxes, one of whose consent was revoked.</summary>
[Collection(DovecotOAuth2Fixture.Collection)]
public sealed class OAuth2StatusTests(DovecotOAuth2Fixture fixture) : IDisposable
{
    private readonly TempDirectory folder = new("cc-oauth-status");

    public void Dispose() => folder.Dispose();

    [Fact]
    public async Task RunningService_ConsentRevokedOnOneMailbox_StatusAndHealthSayItAndShowTokenExpiry()
    {
        var good = fixture.Dovecot.CreateUser("sgood");
        var revoked = fixture.Dovecot.CreateUser("srev");
        await fixture.Dovecot.AppendManyAsync(good, [EndToEnd.CitizenMail.Request(1, "oauth")]);
        fixture.Tokens.AddClient("status-" + good, good, secret: "good-secret");
        fixture.Tokens.AddClient("status-" + revoked, revoked, secret: "revoked-secret").ConsentRevoked = true;
        await File.WriteAllTextAsync(folder.Combine("good-secret"), "good-secret\n");

        await using var service = await ServiceTestHost.StartAsync(folder.Path, new Dictionary<string, object>
        {
            ["good"] = Channel(good, "status-" + good, secretFile: folder.Combine("good-secret")),
            ["revoked"] = Channel(revoked, "status-" + revoked, secret: "revoked-secret"),
        });

        var status = await service.WaitForStatusAsync(
            s => s.GetProperty("channels").EnumerateArray().All(c => c.GetProperty("lastSuccessAt").ValueKind == JsonValueKind.String
                                                                     || c.GetProperty("lastError").ValueKind == JsonValueKind.String),
            TimeSpan.FromSeconds(60));
        var channels = status.GetProperty("channels").EnumerateArray().ToDictionary(c => c.GetProperty("name").GetString()!);
        channels["good"].GetProperty("tickets").GetInt32().Should().Be(1);
        channels["good"].GetProperty("oAuth2").GetProperty("tokenExpiresAt").ValueKind.Should().Be(JsonValueKind.String);
        channels["good"].GetProperty("oAuth2").GetProperty("credentialExpiresAt").GetString().Should().StartWith("2027-03-31");
        channels["revoked"].GetProperty("lastError").GetString().Should().Contain("OAuth2: consent revoked");
        channels["revoked"].GetProperty("oAuth2").GetProperty("lastError").GetString().Should().Contain("consent revoked");

        using var health = await service.Http.GetAsync("health");
        health.StatusCode.Should().Be(HttpStatusCode.OK, "a fresh failure is tolerated for ChannelUnhealthyAfter");
        var report = JsonDocument.Parse(await health.Content.ReadAsStringAsync()).RootElement;
        var byName = report.GetProperty("channels").EnumerateArray().ToDictionary(c => c.GetProperty("channel").GetString()!);
        byName["revoked"].GetProperty("oAuth2").GetProperty("lastError").GetString().Should().Contain("consent revoked");
        byName["good"].GetProperty("oAuth2").GetProperty("tokenExpiresAt").ValueKind.Should().Be(JsonValueKind.String);
        (await health.Content.ReadAsStringAsync()).Should().NotContain("good-secret").And.NotContain("revoked-secret").And.NotContain("\"at-");

        var cli = await TestSupport.CliRun.RunAsync(null, "status", "--config", service.Config);
        cli.ExitCode.Should().Be(0, cli.Output + cli.Error);
        var text = System.Text.RegularExpressions.Regex.Replace(cli.Output, @"\s+", " ");
        text.Should().Contain("good: OAuth2 Generic: token valid until").And.Contain("secret/certificate expires 2027-03-31")
            .And.Contain("revoked: OAuth2 Generic: no token yet").And.Contain("last refresh failed: OAuth2: consent revoked");
    }

    private object Channel(string user, string clientId, string? secret = null, string? secretFile = null)
    {
        var oauth2 = new Dictionary<string, string>
        {
            ["Provider"] = "Generic", ["TokenEndpoint"] = fixture.Tokens.TokenEndpoint, ["ClientId"] = clientId, ["SecretExpiresOn"] = "2027-03-31",
        };
        oauth2[secret is null ? "ClientSecretFile" : "ClientSecret"] = secret ?? secretFile!;
        return new
        {
            Type = "Imap", Host = DovecotServer.Host, Port = fixture.Dovecot.ImapPort, Security = "None", User = user, Idle = false,
            Interval = "00:00:01", Auth = "OAuth2", OAuth2 = oauth2,
        };
    }
}
