using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ContactCenter.Testing;
using ContactCenter.Testing.Dovecot;
using ContactCenter.Workers.Tests.EndToEnd;
using ContactCenter.Workers.Tests.TestSupport;

namespace ContactCenter.Workers.Tests.Control;

/// <summary>
/// A mailbox near its quota (a PEC mailbox holds 1-2 GB, and processed mail moved aside still counts): the provider is
/// about to refuse the citizens' mail, so the service says so before it happens.
/// </summary>
[Collection(DovecotFixture.Collection)]
public sealed class MailboxQuotaHealthTests(DovecotFixture dovecot) : IDisposable
{
    private readonly TempDirectory folder = new("cc-quota");

    public void Dispose() => folder.Dispose();

    [Fact]
    public async Task Service_MailboxNearlyFull_HealthDegradedNamingTheMailbox()
    {
        var server = dovecot.Server;
        var user = server.CreateUser("quota", quotaKib: 100);
        await server.AppendAsync(user, CitizenMail.Request(1, "quota"));
        await server.AppendAsync(user, CitizenMail.WithScan(2, "quota", new byte[60_000]));
        await using var service = await ServiceTestHost.StartAsync(folder.Path, Urp(server, user));

        var status = await service.WaitForStatusAsync(s => s.GetProperty("tickets").GetInt32() == 2, TimeSpan.FromSeconds(60));

        status.GetProperty("tickets").GetInt32().Should().Be(2, "a nearly full mailbox is still read, and its mail moved aside");
        var quota = status.GetProperty("channels")[0].GetProperty("mailboxQuota");
        quota.GetProperty("limitBytes").GetInt64().Should().Be(100 * 1024);
        quota.GetProperty("usedBytes").GetInt64().Should().BeGreaterThan(80 * 1024, "both messages count, in Processed too");
        using var health = await service.Http.GetAsync("health");
        health.StatusCode.Should().Be(HttpStatusCode.OK, "ingest works: degraded, not down");
        var report = await health.Content.ReadFromJsonAsync<JsonElement>();
        report.GetProperty("status").GetString().Should().Be("Degraded");
        report.GetProperty("reason").GetString().Should().MatchRegex(@"urp: mailbox [89][0-9]% full \([0-9]+ of 100 KiB\); the server refuses new mail once it is full");
        report.GetProperty("channels")[0].GetProperty("status").GetString().Should().Be("Degraded");
        var metrics = await service.Http.GetStringAsync("metrics");
        metrics.Split('\n').Should().Contain(l => l.StartsWith("contactcenter_mailbox_quota_limit_bytes{", StringComparison.Ordinal)
            && l.Contains("channel=\"urp\"", StringComparison.Ordinal) && l.EndsWith(" 102400", StringComparison.Ordinal));
        metrics.Should().Contain("contactcenter_mailbox_quota_used_bytes{");
        var cli = await CliRun.RunAsync(null, "status", "--config", service.Config);
        cli.Output.Should().MatchRegex(@"Mailbox urp: [89][0-9]% full \([0-9]+ of 100 KiB\)");
    }

    [Fact]
    public async Task Service_MailboxWithRoom_StaysHealthy()
    {
        var server = dovecot.Server;
        var user = server.CreateUser("quota", quotaKib: 10_240);
        await server.AppendAsync(user, CitizenMail.Request(1, "quota"));
        await using var service = await ServiceTestHost.StartAsync(folder.Path, Urp(server, user));

        var status = await service.WaitForStatusAsync(s => s.GetProperty("tickets").GetInt32() == 1, TimeSpan.FromSeconds(60));

        status.GetProperty("channels")[0].GetProperty("mailboxQuota").GetProperty("limitBytes").GetInt64().Should().Be(10_240 * 1024);
        var report = await service.Http.GetFromJsonAsync<JsonElement>("health");
        report.GetProperty("status").GetString().Should().Be("Healthy");
    }

    private static Dictionary<string, object> Urp(DovecotServer server, string user) => new()
    {
        ["urp"] = new { Type = "Imap", Host = DovecotServer.Host, Port = server.ImapPort, Security = "None", User = user, Password = DovecotServer.Password },
    };
}
