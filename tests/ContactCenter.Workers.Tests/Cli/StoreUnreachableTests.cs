using ContactCenter.Testing;
using ContactCenter.Testing.Dovecot;
using ContactCenter.Testing.PostgreSql;
using ContactCenter.Workers.Tests.Cluster;
using ContactCenter.Workers.Tests.TestSupport;

namespace ContactCenter.Workers.Tests.Cli;

/// <summary>A command pointed at a PostgreSQL store it cannot reach or log in to says so in one line, exit code 1.</summary>
[Collection(ClusterCollection.Name)]
public sealed class StoreUnreachableTests(PostgresFixture postgres) : IDisposable
{
    private readonly TempDirectory folder = new("cc-unreachable");

    public void Dispose() => folder.Dispose();

    [Theory]
    [InlineData("status")]
    [InlineData("stats")]
    [InlineData("tickets", "list")]
    [InlineData("quarantine", "list")]
    [InlineData("store", "migrate")]
    public async Task Verb_DatabaseDown_Exit1SayingSoWithoutAStackTrace(params string[] verb)
    {
        var config = StoreConfig.WritePostgreSql(folder.Path, $"Host=127.0.0.1;Port={FreePort.Next()};Username=cc;Password=never-printed;Database=cc;Timeout=3");

        var result = await CliRun.RunAsync(null, [.. verb, "--config", config]);

        result.ExitCode.Should().Be(1, result.Output + result.Error);
        result.Error.Should().StartWith("The ticket database cannot be reached: Failed to connect to 127.0.0.1:")
            .And.NotContain("   at ").And.NotContain("never-printed");
    }

    [Fact]
    public async Task Verb_WrongPassword_Exit1NamingTheRefusal()
    {
        var database = new Npgsql.NpgsqlConnectionStringBuilder(await postgres.Server.CreateDatabaseAsync()) { Password = "not-the-password" };

        var result = await CliRun.RunAsync(null, "tickets", "list", "--config", StoreConfig.WritePostgreSql(folder.Path, database.ConnectionString));

        result.ExitCode.Should().Be(1, result.Output + result.Error);
        result.Error.Should().StartWith("The ticket database refused the connection: 28P01: password authentication failed")
            .And.NotContain("   at ").And.NotContain("not-the-password");
    }
}
