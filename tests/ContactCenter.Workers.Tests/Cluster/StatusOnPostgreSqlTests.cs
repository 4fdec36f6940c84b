using System.Text.Json;
using System.Text.RegularExpressions;
using ContactCenter.Core.Storage;
using ContactCenter.Stores.PostgreSql;
using ContactCenter.Stores.PostgreSql.Schema;
using ContactCenter.Testing;
using ContactCenter.Testing.Dovecot;
using ContactCenter.Testing.PostgreSql;
using ContactCenter.Workers.Tests.Control;
using ContactCenter.Workers.Tests.TestSupport;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace ContactCenter.Workers.Tests.Cluster;

/// <summary>
/// <c>status</c> on the PostgreSQL store: a channel's last ticket is the last one made, as on LiteDB; in a cluster, each
/// node with the version it runs.
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed class StatusOnPostgreSqlTests(PostgresFixture postgres) : IDisposable
{
    private readonly TempDirectory folder = new("cc-pg-status");

    public void Dispose() => folder.Dispose();

    [Fact]
    public async Task Status_LastTicket_IsTheLastCreated_NotTheLatestReceivedDate()
    {
        var database = await postgres.Server.CreateDatabaseAsync();
        string first, late;
        using (var store = PostgreSqlTicketStoreFactory.Open(new StoreOptions { DataDirectory = folder.Combine("data") }, new PostgreSqlStoreOptions { ConnectionString = database }))
        {
            first = await DispatchAsync(store, "april", new DateTimeOffset(2026, 4, 1, 9, 0, 0, TimeSpan.Zero));
            // Made after the April one, from an older message (a letter scanned late, a mailbox fetched after an outage).
            late = await DispatchAsync(store, "february", new DateTimeOffset(2026, 2, 10, 9, 0, 0, TimeSpan.Zero));
        }

        var config = JsonConfigFile.Write(folder.Path, new
        {
            Store = new { Provider = "PostgreSql", DataDirectory = folder.Combine("data"), PostgreSql = new { ConnectionString = database, Clustered = false } },
            Receipts = new { Enabled = false },
            Control = new { Url = $"http://127.0.0.1:{FreePort.Next()}", ClientConnectTimeout = "00:00:01" },
        });

        var result = await CliRun.RunAsync(null, "status", "--json", "--config", config);

        result.ExitCode.Should().Be(0, result.Output + result.Error);
        var urp = JsonDocument.Parse(result.Output).RootElement.GetProperty("channels").EnumerateArray().Single(c => c.GetProperty("name").GetString() == "urp");
        urp.GetProperty("lastTicketNumber").GetString().Should().Be(late).And.NotBe(first);
    }

    /// <summary>The store line names the database and its size, not the LiteDB file a node on PostgreSQL never writes.</summary>
    [Fact]
    public async Task Status_Store_IsTheDatabaseWithItsSize()
    {
        var database = await postgres.Server.CreateDatabaseAsync();
        var name = new NpgsqlConnectionStringBuilder(database).Database;
        var config = JsonConfigFile.Write(folder.Path, new
        {
            Store = new { Provider = "PostgreSql", DataDirectory = folder.Combine("data"), PostgreSql = new { ConnectionString = database, Clustered = false } },
            Receipts = new { Enabled = false },
            Control = new { Url = $"http://127.0.0.1:{FreePort.Next()}", ClientConnectTimeout = "00:00:01" },
        });
        await CliRun.RunAsync(null, "store", "migrate", "--config", config);
        long size;
        await using (var dataSource = NpgsqlDataSource.Create(database))
        {
            size = (long)(await dataSource.ScalarAsync("SELECT pg_database_size(current_database())"))!;
        }

        var json = await CliRun.RunAsync(null, "status", "--json", "--config", config);
        var table = await CliRun.RunAsync(null, "status", "--config", config);

        var report = JsonDocument.Parse(json.Output).RootElement;
        report.GetProperty("store").GetString().Should().Be($"PostgreSQL {PostgresServer.Host}:{postgres.Server.Port}/{name}");
        report.GetProperty("storeBytes").GetInt64().Should().BeCloseTo(size, 1 << 20, "the database's own size, not a file's");
        table.Output.Should().Contain($"Store: PostgreSQL {PostgresServer.Host}:{postgres.Server.Port}/{name} (").And.NotContain("tickets.db");
        json.Output.Should().NotContain(PostgresServer.Password);
    }

    /// <summary>The running service cannot read a stopped database: status says so and where to look instead.</summary>
    [Fact]
    public async Task Status_ServiceRunningDatabaseDown_NamesTheErrorAndPointsToHealth()
    {
        var database = await postgres.Server.CreateDatabaseAsync();
        var inbox = folder.Combine("inbox");
        Directory.CreateDirectory(inbox);
        var store = JsonConfigFile.Write(folder.Path, new { Store = new { Provider = "PostgreSql", PostgreSql = new { ConnectionString = database, Clustered = false } } });
        await using var service = await ServiceTestHost.StartAsync(folder.Path, MailDrop.Channel(folder, "drop", inbox), extraConfig: store);
        await postgres.Server.StopAsync();
        try
        {
            var status = await CliRun.RunAsync(null, "status", "--config", service.Config, "--config", store);
            var health = await CliRun.RunAsync(null, "health", "--config", service.Config, "--config", store);

            status.ExitCode.Should().Be(1);
            status.Error.Should().Contain("The service answered 500").And.Contain($"Failed to connect to {PostgresServer.Host}:{postgres.Server.Port}")
                .And.Contain("read without the store: contactcenter health");
            health.Output.Should().Contain("\"channel\":\"drop\"", "health answers without the store");
        }
        finally
        {
            await postgres.Server.StartAsync();
        }
    }

    [Theory]
    [InlineData("1.3.0+bbbbbbbbbbbb", true)]
    [InlineData("1.4.0+aaaaaaaaaaaa", false)]
    public async Task Status_Cluster_ShowsEachNodesVersion_WarnsWhenTheyDiffer(string milano, bool warns)
    {
        var database = await postgres.Server.CreateDatabaseAsync();
        await using (var dataSource = NpgsqlDataSource.Create(database))
        {
            await SchemaMigrator.MigrateAsync(dataSource, NullLogger.Instance, default);
            var checkIns = new ClusterCheckIns(dataSource);
            foreach (var node in new[] { "roma", "milano" })
            {
                await dataSource.ScalarAsync($"INSERT INTO qrtz_scheduler_state VALUES ('contactcenter', '{node}', {DateTimeOffset.UtcNow.UtcTicks}, 60000)");
            }

            // Roma was upgraded: its second start replaces the version of its first.
            await checkIns.RecordVersionAsync("roma", "1.3.0+bbbbbbbbbbbb", default);
            await checkIns.RecordVersionAsync("roma", "1.4.0+aaaaaaaaaaaa", default);
            await checkIns.RecordVersionAsync("milano", milano, default);
        }

        var config = JsonConfigFile.Write(folder.Path, new
        {
            Store = new { Provider = "PostgreSql", DataDirectory = folder.Combine("data"), PostgreSql = new { ConnectionString = database, NodeName = "roma" } },
            Receipts = new { Enabled = false },
            Control = new { Url = $"http://127.0.0.1:{FreePort.Next()}", ClientConnectTimeout = "00:00:01" },
        });

        var table = await CliRun.RunAsync(null, "status", "--config", config);
        var json = await CliRun.RunAsync(null, "status", "--json", "--config", config);

        table.ExitCode.Should().Be(0, table.Output + table.Error);
        table.Output.Should().MatchRegex($@"Nodes: milano {Regex.Escape(milano)} \(checked in \d+ s ago\), roma 1\.4\.0\+aaaaaaaaaaaa \(checked in \d+ s ago\)");
        table.Output.Contains("The nodes run different versions (milano 1.3.0+bbbbbbbbbbbb, roma 1.4.0+aaaaaaaaaaaa): finish the upgrade", StringComparison.Ordinal)
            .Should().Be(warns, table.Output);
        JsonDocument.Parse(json.Output).RootElement.GetProperty("clusterNodes").EnumerateArray()
            .Select(n => (n.GetProperty("node").GetString(), n.GetProperty("version").GetString()))
            .Should().Equal(("milano", milano), ("roma", "1.4.0+aaaaaaaaaaaa"));
    }

    private static async Task<string> DispatchAsync(ITicketStore store, string key, DateTimeOffset at)
    {
        var outcome = await store.DispatchAsync([new DispatchRequest
        {
            Draft = new Core.Intake.TicketDraft { SourceKey = key, ChannelName = "urp", Channel = Core.Tickets.ChannelKind.Email, ReceivedAt = at, Subject = key, TextBody = "Testo" },
            Classification = new Core.Tickets.Classification(),
            ClockStartedAt = at,
            DueAt = at.AddDays(30),
        }], default);
        return outcome.Single().TicketNumber!;
    }
}
