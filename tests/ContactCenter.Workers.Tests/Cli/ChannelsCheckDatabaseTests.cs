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

    [Fact]
    public async Task Check_SharedKeys_SaysHowTheyRest_AndWhenTheNodeLacksTheKeyTheOthersSealWith()
    {
        var database = await postgres.Server.CreateDatabaseAsync();
        var plainConfig = Config(database);
        (await CliRun.RunAsync(null, "store", "migrate", "--config", plainConfig)).ExitCode.Should().Be(0);
        await using var dataSource = Npgsql.NpgsqlDataSource.Create(database);
        await new PostgreSqlSharedKeys(dataSource, Microsoft.Extensions.Logging.Abstractions.NullLogger.Instance).SetAsync("webform/tracking", "secret", default);
        var (keyVariable, key) = TestSecretsKey.Create();
        var keyed = SharedKeysCipher.From(new PostgreSqlStoreOptions { SecretsKeyEnvironmentVariable = keyVariable });
        var keyedConfig = JsonConfigFile.Write(folder.Path, new
        {
            Store = new { Provider = "PostgreSql", DataDirectory = folder.Combine("data"), PostgreSql = new { ConnectionString = database, SecretsKeyEnvironmentVariable = keyVariable } },
            Receipts = new { Enabled = false },
            Control = new { Url = $"http://127.0.0.1:{FreePort.Next()}" },
            Channels = new { m = new { Type = "MailDrop", Path = Directory.CreateDirectory(folder.Combine("inbox")).FullName } },
        });

        var asGiven = await CliRun.RunAsync(null, "channels", "check", "--config", plainConfig);
        var notYet = await CliRun.RunAsync(null, "channels", "check", "--config", keyedConfig);
        await new PostgreSqlSharedKeys(dataSource, Microsoft.Extensions.Logging.Abstractions.NullLogger.Instance, keyed).GetAsync("webform/tracking", default);
        var sealedAll = await CliRun.RunAsync(null, "channels", "check", "--config", keyedConfig);
        var lacking = await CliRun.RunAsync(null, "channels", "check", "--config", plainConfig);

        var id = keyed.KeyIds[0];
        asGiven.Output.Should().Contain("✓ shared keys (PostgreSql): 1, all stored as given (no SecretsKeyFile)");
        notYet.Output.Should().Contain($"✓ shared keys (PostgreSql): 1, 0 sealed with key {id}, 1 not yet (stored as given, or under an older key)");
        sealedAll.Output.Should().Contain($"✓ shared keys (PostgreSql): 1, all sealed with key {id}").And.NotContain(key);
        lacking.Output.Should().Contain($"✗ shared keys (PostgreSql): 1 of 1 sealed with key(s) {id}, and this node has no SecretsKeyFile");
        lacking.ExitCode.Should().Be(1);
    }

    private string Config(string connectionString) => StoreConfig.WritePostgreSql(folder.Path, connectionString,
        new { m = new { Type = "MailDrop", Path = Directory.CreateDirectory(folder.Combine("inbox")).FullName } });
}
