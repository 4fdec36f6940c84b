using System.Net;
using System.Text.Json;
using ContactCenter.Testing;
using ContactCenter.Testing.Dovecot;
using ContactCenter.Workers.Tests.TestSupport;

namespace ContactCenter.Workers.Tests.Control;

[Collection(MetricsCollection.Name)]
[Trait(RunAlone.Trait, RunAlone.Value)]
public sealed class ControlEndpointTests : IDisposable
{
    private readonly TempDirectory folder = new("cc-control");

    public void Dispose() => folder.Dispose();

    [Fact]
    public async Task RunningService_HealthAndMetrics_AnswerOnLoopback()
    {
        await using var service = await ServiceTestHost.StartAsync(folder.Path, MailDrop.Channel(folder, "drop", MailDrop.Samples(folder)));

        var status = await service.WaitForStatusAsync(
            s => s.GetProperty("channels")[0].GetProperty("lastSuccessAt").ValueKind == JsonValueKind.String, TimeSpan.FromSeconds(60));
        status.GetProperty("tickets").GetInt32().Should().Be(4, "six sample mails: four requests, a follow-up and an auto-reply");
        status.GetProperty("serviceRunning").GetBoolean().Should().BeTrue();
        status.GetProperty("version").GetString().Should().Be(ContactCenter.Workers.Hosting.ServiceVersion.Current);
        var drop = status.GetProperty("channels").EnumerateArray().Single();
        drop.GetProperty("lastSuccessAt").ValueKind.Should().Be(JsonValueKind.String);
        drop.GetProperty("itemsToday").GetInt32().Should().Be(6);

        using var health = await service.Http.GetAsync("health");
        health.StatusCode.Should().Be(HttpStatusCode.OK);
        var report = JsonDocument.Parse(await health.Content.ReadAsStringAsync()).RootElement;
        report.GetProperty("status").GetString().Should().Be("Healthy");
        report.GetProperty("version").GetString().Should().Be(ContactCenter.Workers.Hosting.ServiceVersion.Current, "which code each node runs, after an upgrade");
        report.GetProperty("channels")[0].GetProperty("channel").GetString().Should().Be("drop");
        report.GetProperty("channels")[0].GetProperty("failingSince").ValueKind.Should().Be(JsonValueKind.Null);

        var metrics = await WaitForMetricAsync(service, "contactcenter_tickets_open{", "channel=\"drop\"", " 4");
        metrics.Should().Contain("contactcenter_items_total{").And.Contain("channel=\"drop\"").And.Contain("outcome=\"Created\"");
        metrics.Should().Contain("contactcenter_poll_duration_seconds").And.Contain("contactcenter_quarantine_pending");
        var archiveFree = metrics.Split('\n').Should().ContainSingle(l => l.StartsWith("contactcenter_disk_free_bytes{", StringComparison.Ordinal)
            && l.Contains("folder=\"archive\"", StringComparison.Ordinal)).Subject;
        long.Parse(archiveFree[(archiveFree.LastIndexOf(' ') + 1)..], System.Globalization.CultureInfo.InvariantCulture)
            .Should().BeCloseTo(new DriveInfo(folder.Path).AvailableFreeSpace, 512L << 20, "statvfs of the archive's file system, read at the scrape");
        var target = metrics.Split('\n').Should().ContainSingle(l => l.StartsWith("target_info{", StringComparison.Ordinal)).Subject;
        target.Should().Contain("service_name=\"contactcenter\"").And.Contain($"service_instance_id=\"{Environment.MachineName}\"")
            .And.Contain($"service_version=\"{ContactCenter.Workers.Hosting.ServiceVersion.Current}\"");
        var buckets = metrics.Split('\n').Where(l => l.StartsWith("contactcenter_poll_duration_seconds_bucket{", StringComparison.Ordinal)
            && l.Contains("channel=\"drop\"", StringComparison.Ordinal)).Select(l => l[(l.IndexOf("le=\"", StringComparison.Ordinal) + 4)..].Split('"')[0]).ToList();
        buckets.Should().StartWith(["0.01", "0.025", "0.05"]).And.Contain(["1", "60", "600", "+Inf"], "polls take 10 ms to 10 min");
        Gauge(metrics, "contactcenter_tickets_overdue{").Should().EndWith(" 0", "just received, due in days");
        Gauge(metrics, "contactcenter_tickets_review{").Should().Contain("channel=\"drop\"");
    }

    /// <summary>The gauges report the store as read on their timer (every second here), so the tickets show up a moment after the poll.</summary>
    private static async Task<string> WaitForMetricAsync(ServiceTestHost service, string name, string label, string valueSuffix)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            var metrics = await service.Http.GetStringAsync("metrics");
            if (metrics.Split('\n').Any(l => l.StartsWith(name, StringComparison.Ordinal) && l.Contains(label, StringComparison.Ordinal) && l.EndsWith(valueSuffix, StringComparison.Ordinal))
                || DateTime.UtcNow > deadline)
            {
                Gauge(metrics, name).Should().Contain(label).And.EndWith(valueSuffix);
                return metrics;
            }

            await Task.Delay(200);
        }
    }

    private static string Gauge(string metrics, string name) =>
        metrics.Split('\n').Should().ContainSingle(l => l.StartsWith(name, StringComparison.Ordinal)).Subject;

    [Fact]
    public async Task RunningService_MailDropFolderMissing_HealthUnhealthyNamingTheKey_UntilItExists()
    {
        var drop = folder.Combine("not-yet");
        await using var service = await ServiceTestHost.StartAsync(folder.Path, new Dictionary<string, object>
        {
            ["drop"] = new { Type = "MailDrop", Path = drop, StableFor = "00:00:00", Interval = "00:01:00" },
            ["off"] = new { Type = "ScanFolder", Enabled = false, Paths = new[] { folder.Combine("never") } },
        });

        using var missing = await service.Http.GetAsync("health");
        var report = JsonDocument.Parse(await missing.Content.ReadAsStringAsync()).RootElement;
        missing.StatusCode.Should().Be(HttpStatusCode.ServiceUnavailable, report.ToString());
        report.GetProperty("status").GetString().Should().Be("Unhealthy");
        report.GetProperty("reason").GetString().Should().Contain("drop: ").And.Contain("ContactCenter:Channels:drop:Path").And.NotContain("never");
        report.GetProperty("channels").EnumerateArray().Should().ContainSingle("a disabled channel is not looked at")
            .Which.GetProperty("folders")[0].GetString().Should().Contain(drop).And.Contain("does not exist");

        Directory.CreateDirectory(drop);
        using var fixedUp = await service.Http.GetAsync("health");
        fixedUp.StatusCode.Should().Be(HttpStatusCode.OK, await fixedUp.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task RunningService_RequestForAForeignHostName_IsRefused()
    {
        await using var service = await ServiceTestHost.StartAsync(folder.Path, new { });
        foreach (var host in new[] { "attacker.example", "127.attacker.example", "127.0.0.1.rebind.attacker.example", "localhost.attacker.example" })
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, "api/status");
            request.Headers.Host = host;

            using var response = await service.Http.SendAsync(request);

            response.StatusCode.Should().Be(HttpStatusCode.BadRequest, $"DNS rebinding through {host} must not let a web page read tickets");
        }

        foreach (var host in new[] { "localhost", "LOCALHOST", "127.0.0.1", "127.0.0.2", "[::1]" })
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, "api/status");
            request.Headers.Host = host;

            using var response = await service.Http.SendAsync(request);

            response.StatusCode.Should().Be(HttpStatusCode.OK, $"{host} is this machine");
        }
    }

    [Fact]
    public async Task ControlPortTaken_ServiceStillIngests_AndTheCliSaysNoServiceAnswered()
    {
        using var squatter = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0);
        squatter.Start();
        var port = ((IPEndPoint)squatter.LocalEndpoint).Port;

        await using var service = await ServiceTestHost.StartAsync(
            folder.Path, MailDrop.Channel(folder, "drop", MailDrop.Samples(folder)), controlPort: port);
        var until = DateTime.UtcNow.AddSeconds(60);
        while (Directory.GetFiles(folder.Combine("inbox"), "*.eml").Length > 0 && DateTime.UtcNow < until)
        {
            await Task.Delay(200);
        }

        Directory.GetFiles(folder.Combine("inbox"), "*.eml").Should().BeEmpty("the channels run without the control endpoint");
        var status = await TestSupport.CliRun.RunAsync(null, "status", "--config", service.Config);
        status.ExitCode.Should().Be(1);
        status.Error.Should().Contain($"no service answered for it at http://127.0.0.1:{port}");
    }

    [Fact]
    public async Task ChannelKeptFailing_TurnsHealthUnhealthyAfterTheConfiguredTime()
    {
        var closedPort = FreePort.Next();
        var imap = new Dictionary<string, object>
        {
            ["urp"] = new
            {
                Type = "Imap", Host = "127.0.0.1", Port = closedPort, Security = "None", User = "urp", Password = "x",
                Interval = "00:00:01", RetryDelay = "00:00:00.100", MaxRetryDelay = "00:00:00.200", Timeout = "00:00:02",
            },
        };
        var pipeline = new { FailureBackoff = "00:00:00.100", MaxFailureBackoff = "00:00:00.200", ModeCheckInterval = "00:00:01" };
        await using var service = await ServiceTestHost.StartAsync(folder.Path, imap, pipeline, unhealthyAfter: "00:00:03");

        var start = DateTimeOffset.UtcNow;
        HttpStatusCode code;
        JsonElement report;
        do
        {
            await Task.Delay(250);
            using var response = await service.Http.GetAsync("health");
            code = response.StatusCode;
            report = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
            var channel = report.GetProperty("channels")[0];
            if (code == HttpStatusCode.OK && channel.GetProperty("failingSince").ValueKind == JsonValueKind.String)
            {
                report.GetProperty("status").GetString().Should().Be("Degraded", "a failed poll degrades the service at once");
                report.GetProperty("reason").GetString().Should().Contain("urp").And.Contain("Connection refused");
                // Against the report's own time, not this test's clock: a slow answer on a loaded machine is not a late verdict.
                (report.GetProperty("at").GetDateTimeOffset() - channel.GetProperty("failingSince").GetDateTimeOffset()).Should().BeLessThan(TimeSpan.FromSeconds(3.5),
                    "a channel failing for less than ChannelUnhealthyAfter keeps the service healthy");
            }
        }
        while (code == HttpStatusCode.OK && DateTimeOffset.UtcNow - start < TimeSpan.FromSeconds(40));

        code.Should().Be(HttpStatusCode.ServiceUnavailable);
        report.GetProperty("status").GetString().Should().Be("Unhealthy");
        var urp = report.GetProperty("channels")[0];
        urp.GetProperty("status").GetString().Should().Be("Unhealthy");
        urp.GetProperty("consecutiveFailures").GetInt32().Should().BeGreaterThan(1);
        urp.GetProperty("lastError").GetString().Should().Contain("Connection refused");
        (report.GetProperty("at").GetDateTimeOffset() - urp.GetProperty("failingSince").GetDateTimeOffset()).Should().BeGreaterThan(TimeSpan.FromSeconds(3));
    }
}
