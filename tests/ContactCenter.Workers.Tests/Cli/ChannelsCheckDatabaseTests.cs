using ContactCenter.Stores.PostgreSql;
using ContactCenter.Testing;
using ContactCenter.Testing.Dovecot;
using ContactCenter.Testing.PostgreSql;
using ContactCenter.Workers.Tests.Cluster;
using ContactCenter.Workers.Tests.TestSupport;

namespace ContactCenter.Workers.Tests.Cli;

/// <summary><c>channels check</c> on a PostgreSQL store logs in to the database as the service will, before any channel.</summary>
[Collection(ClusterCollection.Name)]
public sealed class ChannelsCheckDatabaseTests(PostgresFixture postgres) : IDisposable
{
    private readonly TempDirectory folder = new("cc-checkdb");

    public void Dispose() => folder.Dispose();

    [Fact]
    public async Task Check_ReachableDatabase_NamesItAndItsSchemaVersion()
    {
        var database = await postgres.Server.CreateDatabaseAsync();
        var config = Config(database);

        var fresh = await CliRun.RunAsync(null, "channels", "check", "--config", config);
        (await CliRun.RunAsync(null, "store", "migrate", "--config", config)).ExitCode.Should().Be(0);
        var migrated = await CliRun.RunAsync(null, "channels", "check", "--config", config);

        var latest = PostgreSqlTicketStoreFactory.LatestSchemaVersion;
        fresh.Output.Should().Contain($"✓ store (PostgreSql): 127.0.0.1:{postgres.Server.Port}, database ")
            .And.Contain($"no TLS; schema version 0 of {latest} (migrated when the service starts)");
        migrated.Output.Should().Contain($"schema version {latest} of {latest}").And.NotContain("migrated when");
        migrated.ExitCode.Should().Be(0, migrated.Output + migrated.Error);
    }

    [Fact]
    public async Task Check_DatabaseDown_FailsNamingWhy()
    {
        var config = Config($"Host=127.0.0.1;Port={FreePort.Next()};Username=cc;Password=never-printed;Database=cc;Timeout=3");

        var result = await CliRun.RunAsync(null, "channels", "check", "--config", config);

        result.ExitCode.Should().Be(1);
        result.Output.Should().Contain("✗ store (PostgreSql): The ticket database cannot be reached: Failed to connect to 127.0.0.1:")
            .And.Contain("✓ m (MailDrop)", "the other checks still run").And.NotContain("never-printed");
    }

    private string Config(string connectionString) => StoreConfig.WritePostgreSql(folder.Path, connectionString,
        new { m = new { Type = "MailDrop", Path = Directory.CreateDirectory(folder.Combine("inbox")).FullName } });
}
