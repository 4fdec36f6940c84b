using ContactCenter.Testing;
using ContactCenter.Testing.Dovecot;
using ContactCenter.Testing.PostgreSql;
using Npgsql;

namespace ContactCenter.Workers.Tests.Cluster;

/// <summary>Two nodes given the same NodeName (a config copied as it was): the second must not run beside the first.</summary>
[Collection(ClusterCollection.Name)]
public sealed class NodeNameGuardTests(DovecotFixture dovecot, PostgresFixture postgres) : IDisposable
{
    private const string Started = "Application started";
    private readonly TempDirectory folder = new("cc-nodename");

    public void Dispose() => folder.Dispose();

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task SecondNode_NameOfALiveNode_WaitsUntilThatOneStopsOrDies(bool cleanStop)
    {
        var database = await postgres.Server.CreateDatabaseAsync();
        var user = dovecot.Server.CreateUser("samename");
        using var first = new ClusterNode("node-a", ClusterConfig.Write(folder.Path, "node-a", database, dovecot.Server, user, FreePort.Next()));
        await Polling.UntilAsync(() => first.Log.Contains(Started), TimeSpan.FromMinutes(1), () => first.Log);
        using var second = new ClusterNode("node-a again",
            ClusterConfig.Write(folder.Path, "node-b", database, dovecot.Server, user, FreePort.Next(), nodeName: "node-a"));

        await Polling.UntilAsync(() => second.Log.Contains("A cluster node named node-a checked in"), TimeSpan.FromMinutes(1), () => second.Log);
        await Task.Delay(TimeSpan.FromSeconds(5)); // more than two of the first's check-in intervals (2 s)

        second.Log.Should().NotContain(Started, "the first node is alive and checking in");
        if (cleanStop)
        {
            await first.TerminateAsync();
        }
        else
        {
            first.Kill();
        }

        await Polling.UntilAsync(() => second.Log.Contains(Started), TimeSpan.FromMinutes(1), () => second.Log);
        second.HasExited.Should().BeFalse();
    }

    [Fact]
    public async Task Node_CleanStop_RemovesItsCheckIn()
    {
        var database = await postgres.Server.CreateDatabaseAsync();
        var node = new ClusterNode("node-c", ClusterConfig.Write(folder.Path, "node-c", database, dovecot.Server, dovecot.Server.CreateUser("cleanstop"), FreePort.Next()));
        using (node)
        {
            await Polling.UntilAsync(() => node.Log.Contains(Started), TimeSpan.FromMinutes(1), () => node.Log);

            // Quartz checks in from its own cluster manager, which may come a moment after the host says it started.
            await Polling.UntilAsync(async () => await CheckInsAsync(database) == 1, TimeSpan.FromMinutes(1), () => node.Log);

            await node.TerminateAsync();
        }

        (await CheckInsAsync(database)).Should().Be(0, "a node of the same name starting next need not wait for it");
    }

    private static async Task<long> CheckInsAsync(string database)
    {
        await using var connection = new NpgsqlConnection(database);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT count(*) FROM qrtz_scheduler_state WHERE instance_name = 'node-c'", connection);
        return (long)(await command.ExecuteScalarAsync())!;
    }
}
