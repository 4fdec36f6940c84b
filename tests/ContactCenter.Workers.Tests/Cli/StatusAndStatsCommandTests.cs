using System.Text.Json;
using ContactCenter.Testing;
using ContactCenter.Testing.Dovecot;
using ContactCenter.Workers.Tests.TestSupport;

namespace ContactCenter.Workers.Tests.Cli;

public sealed class StatusAndStatsCommandTests : IDisposable
{
    private readonly TempDirectory folder = new("cc-status");

    public void Dispose() => folder.Dispose();

    [Fact]
    public async Task Status_NoServiceRunning_ReportsTheStoreFigures()
    {
        var numbers = await KnownStore.BuildAsync(folder.Combine("data"));
        await KnownStore.QuarantineAsync(folder.Combine("data"), "urp", "not a mail"u8.ToArray(), "x.eml", "unreadable");
        var config = StoreConfig.Write(folder.Path, FreePort.Next());

        var result = await CliRun.RunAsync(null, "status", "--json", "--config", config);

        result.ExitCode.Should().Be(0, result.Error);
        var status = JsonDocument.Parse(result.Output).RootElement;
        status.GetProperty("serviceRunning").GetBoolean().Should().BeFalse();
        status.GetProperty("mode").GetString().Should().Be("Ordinary");
        status.GetProperty("tickets").GetInt32().Should().Be(4);
        status.GetProperty("openTickets").GetInt32().Should().Be(2);
        status.GetProperty("quarantinePending").GetInt32().Should().Be(1);
        status.GetProperty("outboxPending").GetInt32().Should().Be(2, "A and B queued a receipt");
        status.GetProperty("storeBytes").GetInt64().Should().BeGreaterThan(0);
        var disk = status.GetProperty("disk").EnumerateArray().ToDictionary(d => d.GetProperty("folder").GetString()!);
        disk.Keys.Should().Equal("store", "archive", "quarantine", "temp");
        disk["archive"].GetProperty("path").GetString().Should().Be(folder.Combine("data", "archive"));
        disk["archive"].GetProperty("freeBytes").GetInt64().Should().BeCloseTo(new DriveInfo(folder.Path).AvailableFreeSpace, 512L << 20);
        var channels = status.GetProperty("channels").EnumerateArray().ToDictionary(c => c.GetProperty("name").GetString()!);
        channels.Keys.Should().BeEquivalentTo("urp", "fax");
        channels["urp"].GetProperty("tickets").GetInt32().Should().Be(3);
        channels["urp"].GetProperty("openTickets").GetInt32().Should().Be(2);
        channels["urp"].GetProperty("lastTicketNumber").GetString().Should().Be(numbers["C"]);
        channels["fax"].GetProperty("openTickets").GetInt32().Should().Be(0);
        channels["urp"].GetProperty("lastSuccessAt").ValueKind.Should().Be(JsonValueKind.Null, "poll figures exist only in the running service");

        var table = await CliRun.RunAsync(null, "status", "--config", config);
        table.ExitCode.Should().Be(0, table.Error);
        table.Output.Should().Contain("not running").And.Contain("4 ticket(s), 2 open").And.Contain(numbers["C"]).And.MatchRegex(@"Disk: store [0-9.]+ [KMG]iB free, archive ");
    }

    [Fact]
    public async Task Status_LastTicket_IsTheLastCreated_NotTheLatestReceivedDate()
    {
        var numbers = await KnownStore.BuildAsync(folder.Combine("data"));
        // Created after C, but the message itself is older (a letter scanned late, a mail fetched after an outage).
        var late = await KnownStore.AddAsync(folder.Combine("data"), "E", "urp", KnownStore.March2.AddDays(-20));
        var config = StoreConfig.Write(folder.Path, FreePort.Next());

        var result = await CliRun.RunAsync(null, "status", "--json", "--config", config);

        result.ExitCode.Should().Be(0, result.Error);
        var urp = JsonDocument.Parse(result.Output).RootElement.GetProperty("channels").EnumerateArray().Single(c => c.GetProperty("name").GetString() == "urp");
        urp.GetProperty("lastTicketNumber").GetString().Should().Be(late).And.NotBe(numbers["C"]);
    }

    [Fact]
    public async Task Stats_Json_MatchesTheKnownTickets()
    {
        await KnownStore.BuildAsync(folder.Combine("data"));
        var config = StoreConfig.Write(folder.Path, FreePort.Next());

        var all = await CliRun.RunAsync(null, "stats", "--json", "--config", config);
        var march = await CliRun.RunAsync(null, "stats", "--json", "--from", "2026-03-01", "--to", "2026-03-31", "--config", config);

        all.ExitCode.Should().Be(0, all.Error);
        var total = JsonDocument.Parse(all.Output).RootElement.GetProperty("total");
        total.GetProperty("received").GetInt32().Should().Be(4);
        total.GetProperty("open").GetInt32().Should().Be(2);
        total.GetProperty("closed").GetInt32().Should().Be(2);
        total.GetProperty("closedOnTime").GetInt32().Should().Be(1, "A was answered on time, D late");
        total.GetProperty("overdue").GetInt32().Should().Be(1, "B is past due, C is due in 2099");
        var marchStats = JsonDocument.Parse(march.Output).RootElement;
        marchStats.GetProperty("total").GetProperty("received").GetInt32().Should().Be(3, "C arrived in April");
        marchStats.GetProperty("byChannel").EnumerateArray().Select(r => (r.GetProperty("key").GetString(), r.GetProperty("received").GetInt32()))
            .Should().BeEquivalentTo([("e-mail", 2), ("fax", 1)]);
        marchStats.GetProperty("timeToClosure").GetProperty("count").GetInt32().Should().Be(2);
    }

    [Fact]
    public async Task Stats_Html_WritesThePublicPageWithTheFigures()
    {
        await KnownStore.BuildAsync(folder.Combine("data"));
        var config = StoreConfig.Write(folder.Path, FreePort.Next());

        var result = await CliRun.RunAsync(null, "stats", "--html", folder.Combine("site"), "--config", config);

        result.ExitCode.Should().Be(0, result.Error);
        result.Output.Should().Contain("received 4, open 2, answered 2").And.Contain("spam held 0 (not counted as requests)");
        var html = await File.ReadAllTextAsync(folder.Combine("site", "index.html"));
        html.Should().Contain("<dd id=\"ricevute\">4</dd>").And.Contain("<dd id=\"evase\">2</dd>").And.NotContain("Cittadino");
    }

    [Fact]
    public async Task Stats_BadDate_IsAUsageErrorNamingTheOption()
    {
        var result = await CliRun.RunAsync(null, "stats", "--from", "31/01/2026", "--config", StoreConfig.Write(folder.Path, FreePort.Next()));

        result.ExitCode.Should().NotBe(0);
        (result.Output + result.Error).Should().Contain("--from: '31/01/2026' is not a date");
    }

    [Fact]
    public async Task Status_RemoteControlUrl_IsAConfigurationErrorNamingTheKey()
    {
        var config = JsonConfigFile.Write(folder.Path, new
        {
            Store = new { DataDirectory = folder.Combine("data") },
            Control = new { Url = "http://0.0.0.0:5280" },
        });

        var result = await CliRun.RunAsync(null, "status", "--config", config);

        result.ExitCode.Should().Be(2);
        result.Error.Should().Contain("ContactCenter:Control:Url: '0.0.0.0' is not a loopback address").And.Contain("RemoteUrl");
    }
}
