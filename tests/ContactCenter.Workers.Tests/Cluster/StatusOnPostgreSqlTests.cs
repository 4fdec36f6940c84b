using System.Text.Json;
using ContactCenter.Core.Storage;
using ContactCenter.Stores.PostgreSql;
using ContactCenter.Testing;
using ContactCenter.Testing.Dovecot;
using ContactCenter.Testing.PostgreSql;
using ContactCenter.Workers.Tests.TestSupport;

namespace ContactCenter.Workers.Tests.Cluster;

/// <summary><c>status</c> on the PostgreSQL store: a channel's last ticket is the last one made, as on LiteDB.</summary>
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
