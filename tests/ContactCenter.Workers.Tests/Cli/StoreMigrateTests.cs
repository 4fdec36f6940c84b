using ContactCenter.Stores.PostgreSql;
using ContactCenter.Stores.PostgreSql.Schema;
using ContactCenter.Testing;
using ContactCenter.Testing.PostgreSql;
using ContactCenter.Workers.Tests.Cluster;
using ContactCenter.Workers.Tests.TestSupport;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace ContactCenter.Workers.Tests.Cli;

/// <summary><c>store migrate</c> while another node holds the migration lock: it says it waits, then finds its work.</summary>
[Collection(ClusterCollection.Name)]
public sealed class StoreMigrateTests(PostgresFixture postgres) : IDisposable
{
    private readonly TempDirectory folder = new("cc-migrate");

    public void Dispose() => folder.Dispose();

    [Fact]
    public async Task Migrate_AnotherNodeHoldsTheLock_LogsThatItWaitsThenMigrates()
    {
        var database = await postgres.Server.CreateDatabaseAsync();
        var config = StoreConfig.WritePostgreSql(folder.Path, database);
        var logs = new ListLoggerProvider();
        await using var otherNode = new NpgsqlConnection(database);
        await otherNode.OpenAsync();
        await using (var take = new NpgsqlCommand($"SELECT pg_advisory_lock({MigrationLock.Key})", otherNode))
        {
            await take.ExecuteNonQueryAsync();
        }

        var migrate = CliRun.RunAsync(b => b.Logging.AddProvider(logs), "store", "migrate", "--config", config);
        await Polling.UntilAsync(() => logs.Entries.Any(e => e.EventId == 2912), TimeSpan.FromSeconds(60), () => "no log said the CLI waits for the lock");
        migrate.IsCompleted.Should().BeFalse("the lock is still held");
        await using (var release = new NpgsqlCommand($"SELECT pg_advisory_unlock({MigrationLock.Key})", otherNode))
        {
            await release.ExecuteNonQueryAsync();
        }

        var result = await migrate;

        result.ExitCode.Should().Be(0, result.Output + result.Error);
        result.Output.Should().Contain($"Schema migrated to version {PostgreSqlTicketStoreFactory.LatestSchemaVersion}");
        logs.Entries.Where(e => e.EventId == 2912).Should().ContainSingle().Which.Message.Should().Contain("Another node or the CLI is migrating");
        logs.Entries.Count(e => e.EventId == 2901).Should().Be(PostgreSqlTicketStoreFactory.LatestSchemaVersion, "each script applied is logged");
    }
}
