using ContactCenter.Testing;
using ContactCenter.Testing.Dovecot;
using ContactCenter.Testing.PostgreSql;
using ContactCenter.Workers.Tests.EndToEnd;
using ContactCenter.Workers.Tests.TestSupport;
using Npgsql;

namespace ContactCenter.Workers.Tests.Cluster;

/// <summary>
/// IMAP IDLE in a cluster: every node watches the mailbox, and a wake-up fires the channel's clustered job, which runs
/// on one node. The schedule is ten minutes, so a ticket within a minute can only come from the wake-up.
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed class ClusterIdleTests(DovecotFixture dovecot, PostgresFixture postgres) : IDisposable
{
    private static readonly TimeSpan Schedule = TimeSpan.FromMinutes(10);
    private static readonly TimeSpan WellBeforeSchedule = TimeSpan.FromSeconds(60);
    private readonly TempDirectory folder = new("cc-idle");

    public void Dispose() => folder.Dispose();

    [Fact]
    public async Task IdleWakeUp_TwoNodesLongSchedule_TicketComesAtOnce_FromTheNodeHoldingTheChannel_AndFromTheOtherOnceItIsKilled()
    {
        var server = dovecot.Server;
        var user = server.CreateUser("idle");
        var database = await postgres.Server.CreateDatabaseAsync();
        var configA = ClusterConfig.Write(folder.Path, "node-a", database, server, user, FreePort.Next(), interval: Schedule);
        var configB = ClusterConfig.Write(folder.Path, "node-b", database, server, user, FreePort.Next(), interval: Schedule);
        using var a = new ClusterNode("node-a", configA);
        using var b = new ClusterNode("node-b", configB);
        // Both nodes watch the mailbox, and the start-up poll (the schedule's first fire) is over.
        await Polling.UntilAsync(() => IsIdle(a) && IsIdle(b), WellBeforeSchedule, () => $"node-a:\n{a.Log}\nnode-b:\n{b.Log}");
        // Only a wake-up can poll the channel in the next minutes.
        await Polling.UntilAsync(async () => await HolderAsync(database) is not null && await NextScheduledPollAsync(database) > DateTimeOffset.UtcNow + Schedule / 2,
            WellBeforeSchedule, () => $"node-a:\n{a.Log}\nnode-b:\n{b.Log}");

        await server.AppendAsync(user, CitizenMail.Request(1, "idle"));
        var first = await TicketMakerAsync(database, a, b, "Richiesta n. 1 (idle)");

        // Both nodes saw the new message: the other node's wake-up may come while the first poll runs and then polls once
        // more (nothing left to take), so the holder is whichever node polled last; status must name that one.
        var holder = await HolderAsync(database);
        holder.Should().BeOneOf(a.Name, b.Name);
        var status = await StatusAsync(first == a ? configA : configB);
        status.Should().Contain($"{await HolderAsync(database)} (");
        var report = System.Text.Json.JsonDocument.Parse(status).RootElement;
        var nodes = report.GetProperty("clusterNodes").EnumerateArray().ToList();
        nodes.Select(n => n.GetProperty("node").GetString()).Should().Equal(["node-a", "node-b"], "status lists the cluster's members by name");
        nodes.Should().OnlyContain(n => !n.GetProperty("silent").GetBoolean(), "both check in");
        var version = report.GetProperty("version").GetString();
        nodes.Should().OnlyContain(n => n.GetProperty("version").GetString() == version, "each node recorded the version it started with");
        var table = await CliRun.RunAsync(null, "status", "--config", configA);
        table.Output.Should().MatchRegex(@"Nodes: node-a \S+ \(checked in \d+ s ago\), node-b \S+ \(checked in \d+ s ago\)")
            .And.NotContain("different versions");

        var survivor = first == a ? b : a;
        first.Kill();
        await server.AppendAsync(user, CitizenMail.Request(2, "idle"));
        var second = await TicketMakerAsync(database, a, b, "Richiesta n. 2 (idle)");

        second.Should().BeSameAs(survivor, "with the holder gone, the other node's wake-up polls the channel");
        await Polling.UntilAsync(async () => await HolderAsync(database) == survivor.Name, WellBeforeSchedule, () => survivor.Log);
        (await StatusAsync(survivor == a ? configA : configB)).Should().Contain($"{survivor.Name} (");
        (await server.CountAsync(user, "Processed")).Should().Be(2);
    }

    private static bool IsIdle(ClusterNode node) => node.Log.Contains("waiting in IMAP IDLE", StringComparison.Ordinal);

    /// <summary>Waits (well short of the schedule) for the ticket of <paramref name="subject"/>; returns the node whose log created it.</summary>
    private static async Task<ClusterNode> TicketMakerAsync(string database, ClusterNode a, ClusterNode b, string subject)
    {
        string? number = null;
        bool Logged(ClusterNode node) => node.Log.Contains($"created ticket {number}", StringComparison.Ordinal);

        // The node logs the ticket just after its commit.
        await Polling.UntilAsync(async () => (number ??= await TicketNumberAsync(database, subject)) is not null && (Logged(a) || Logged(b)),
            WellBeforeSchedule, () => $"node-a:\n{a.Log}\nnode-b:\n{b.Log}");
        var makers = new[] { a, b }.Where(Logged).ToList();
        makers.Should().ContainSingle($"one node created {number}");
        return makers[0];
    }

    private static async Task<string?> TicketNumberAsync(string database, string subject)
    {
        await using var dataSource = NpgsqlDataSource.Create(database);
        await using var command = dataSource.CreateCommand("SELECT number FROM tickets WHERE doc->>'Subject' = $1");
        command.Parameters.AddWithValue(subject);
        return await command.ExecuteScalarAsync() as string;
    }

    private static async Task<string?> HolderAsync(string database)
    {
        await using var dataSource = NpgsqlDataSource.Create(database);
        try
        {
            await using var command = dataSource.CreateCommand("SELECT node FROM channel_nodes WHERE channel = 'urp'");
            return await command.ExecuteScalarAsync() as string;
        }
        catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.UndefinedTable)
        {
            return null; // the nodes have not migrated the schema yet
        }
    }

    /// <summary>When the channel's schedule fires next (Quartz keeps UTC ticks).</summary>
    private static async Task<DateTimeOffset> NextScheduledPollAsync(string database)
    {
        await using var dataSource = NpgsqlDataSource.Create(database);
        await using var command = dataSource.CreateCommand("SELECT next_fire_time FROM qrtz_triggers WHERE trigger_name = 'channel-urp'");
        return new DateTimeOffset((long)(await command.ExecuteScalarAsync())!, TimeSpan.Zero);
    }

    private static async Task<string> StatusAsync(string config)
    {
        var status = await CliRun.RunAsync(null, "status", "--json", "--config", config);
        status.ExitCode.Should().Be(0, status.Output + status.Error);
        return status.Output;
    }
}
