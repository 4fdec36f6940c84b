using System.Security.Cryptography;
using ContactCenter.Testing;
using ContactCenter.Testing.Dovecot;
using ContactCenter.Testing.PostgreSql;
using ContactCenter.Workers.Tests.EndToEnd;
using ContactCenter.Workers.Tests.TestSupport;
using ContactCenter.Workers.Tests.Webhooks;

namespace ContactCenter.Workers.Tests.Cluster;

/// <summary>
/// Two nodes on one database push each event once: delivery is a clustered job, run by one node at a time. The nodes
/// run as README's least-privilege role, after the schema's owner ran <c>store migrate</c>.
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed class ClusterWebhookTests(DovecotFixture dovecot, PostgresFixture postgres) : IDisposable
{
    private const int Messages = 30;
    private readonly TempDirectory folder = new("cc-cluster-hooks");

    public void Dispose() => folder.Dispose();

    [Fact]
    public async Task TwoNodes_EveryCreatedTicketPushedOnce_NotOncePerNode()
    {
        var key = RandomNumberGenerator.GetBytes(32);
        var secretFile = folder.Combine("crm.secret");
        await File.WriteAllTextAsync(secretFile, "whsec_" + Convert.ToBase64String(key) + "\n");
        await using var receiver = new WebhookReceiver(key);
        await receiver.StartAsync();
        var webhooks = new
        {
            PollInterval = "00:00:00.100",
            Timeout = "00:00:05",
            Endpoints = new { crm = new { Url = receiver.Url, SecretFile = secretFile, Events = new[] { "ticket.created" } } },
        };
        var server = dovecot.Server;
        var user = server.CreateUser("hooks");
        var owner = await postgres.Server.CreateDatabaseAsync();
        var migrate = await CliRun.RunAsync(null, "store", "migrate", "--config", ClusterConfig.Write(folder.Path, "owner", owner, server, user, FreePort.Next()));
        migrate.ExitCode.Should().Be(0, migrate.Output + migrate.Error);
        var database = await postgres.Server.AsNodeRoleAsync(owner);
        using var a = new ClusterNode("node-a", ClusterConfig.Write(folder.Path, "node-a", database, server, user, FreePort.Next(), batchSize: 5, webhooks: webhooks));
        using var b = new ClusterNode("node-b", ClusterConfig.Write(folder.Path, "node-b", database, server, user, FreePort.Next(), batchSize: 5, webhooks: webhooks));

        // Mail comes in a few at a time while both nodes run, so events are due on both nodes' watch for a while.
        for (var i = 0; i < Messages; i += 5)
        {
            await server.AppendManyAsync(user, Enumerable.Range(i + 1, 5).Select(n => CitizenMail.Request(n, "hooks")));
            await Task.Delay(300);
        }

        var deadline = DateTime.UtcNow.AddSeconds(90);
        while (receiver.Received.Count < Messages && DateTime.UtcNow < deadline)
        {
            await Task.Delay(200);
        }

        await Task.Delay(TimeSpan.FromSeconds(2)); // a second node's copies, if any, would come now
        var received = receiver.Received.ToList();
        received.Select(e => e.TicketNumber).Distinct().Should().HaveCount(Messages, $"node-a:\n{a.Log}\nnode-b:\n{b.Log}");
        received.Should().HaveCount(Messages, "each event is sent by one node, once, when its receiver answers");
        receiver.BadSignatures.Should().Be(0);
    }
}
