using System.Diagnostics;
using Xunit.Abstractions;
using ContactCenter.Testing;
using ContactCenter.Testing.Bulk;
using ContactCenter.Testing.Dovecot;
using ContactCenter.Testing.PostgreSql;
using ContactCenter.Workers.Tests.EndToEnd;
using ContactCenter.Workers.Tests.TestSupport;
using Npgsql;

namespace ContactCenter.Workers.Tests.Cluster;

[Collection(ClusterCollection.Name)]
public sealed class TwoNodeIngestTests(DovecotFixture dovecot, PostgresFixture postgres, ITestOutputHelper output) : IDisposable
{
    /// <summary>The figure: two nodes, one of them killed, 2,000 messages.</summary>
    private const int Messages = 2_000;

    /// <summary>The outage test needs only enough work to be busy when the database stops.</summary>
    private const int OutageMessages = 300;
    private readonly TempDirectory folder = new("cc-cluster");

    public void Dispose() => folder.Dispose();

    [Fact]
    public async Task TwoNodes_OneMailbox_OneKilledMidway_EveryMessageIsOneTicketNoNumberTwiceMovedOnce()
    {
        var server = dovecot.Server;
        var user = server.CreateUser("cluster");
        var clock = Stopwatch.StartNew();
        // Delivered as an MTA does (Maildir files) and indexed by Dovecot: 2,000 IMAP APPENDs would cost more than the ingest.
        MaildirDelivery.Deliver(server.MaildirPath(user), Enumerable.Range(1, Messages).Select(i => Bytes(CitizenMail.Request(i, "cluster"))));
        (await server.CountAsync(user, "INBOX")).Should().Be(Messages);
        output.WriteLine($"{clock.Elapsed}: {Messages} messages delivered and indexed");
        var database = await postgres.Server.CreateDatabaseAsync();
        ClusterNode? victim = null;
        var total = 0;
        void OnCreated(ClusterNode node)
        {
            // The node that writes a third of the tickets is busy with a batch right now: that is the one to kill.
            var created = Interlocked.Increment(ref total);
            if (created == 1)
            {
                output.WriteLine($"{clock.Elapsed}: first ticket ({node.Name})");
            }

            if (created == Messages / 3 && Interlocked.CompareExchange(ref victim, node, null) is null)
            {
                node.Kill();
                output.WriteLine($"{clock.Elapsed}: {node.Name} killed");
            }
        }

        var configA = ClusterConfig.Write(folder.Path, "node-a", database, server, user, FreePort.Next(), batchSize: 100);
        var configB = ClusterConfig.Write(folder.Path, "node-b", database, server, user, FreePort.Next(), batchSize: 100);
        using var a = new ClusterNode("node-a", configA, OnCreated);
        using var b = new ClusterNode("node-b", configB, OnCreated);

        await Polling.UntilAsync(async () => await server.CountAsync(user, "Processed") == Messages, TimeSpan.FromMinutes(10),
            () => $"node-a:\n{a.Log}\nnode-b:\n{b.Log}");
        output.WriteLine($"{clock.Elapsed}: all moved to Processed");

        victim.Should().NotBeNull("one node must be killed in the middle of the work");
        victim!.HasExited.Should().BeTrue();
        var survivor = victim == a ? b : a;
        survivor.HasExited.Should().BeFalse(survivor.Log);
        (await server.CountAsync(user, "INBOX")).Should().Be(0);
        var moved = await server.SubjectsAsync(user, "Processed");
        moved.Should().HaveCount(Messages).And.OnlyHaveUniqueItems("each message is moved once");
        var status = await CliRun.RunAsync(null, "status", "--json", "--config", survivor == a ? configA : configB);
        status.Output.Should().Contain($"{survivor.Name} (", "status names the node that holds the channel");
        await AssertOneTicketPerMessageAsync(database, Messages);
    }

    [Fact]
    public async Task DatabaseStopped20sDuringIngest_HealthSaysWhy_NothingLostOrDoubled_ResumesByItself()
    {
        var server = dovecot.Server;
        var user = server.CreateUser("dbdown");
        // One in ten with a scan over 1 MiB: its original and its attachment are uploaded in the background, and uploads
        // cut off by the outage must not leave a ticket without its bytes.
        await server.AppendManyAsync(user, Enumerable.Range(1, OutageMessages).Select(i => i % 10 == 0
            ? CitizenMail.WithScan(i, "dbdown", System.Security.Cryptography.RandomNumberGenerator.GetBytes(1_200_000 + i))
            : CitizenMail.Request(i, "dbdown")));
        var database = await postgres.Server.CreateDatabaseAsync();
        var stopped = new TaskCompletionSource();
        var total = 0;
        void OnCreated(ClusterNode node)
        {
            if (Interlocked.Increment(ref total) == OutageMessages / 4)
            {
                stopped.TrySetResult();
            }
        }

        var controlPort = FreePort.Next();
        using var a = new ClusterNode("node-a", ClusterConfig.Write(folder.Path, "node-a", database, server, user, controlPort), OnCreated);
        using var b = new ClusterNode("node-b", ClusterConfig.Write(folder.Path, "node-b", database, server, user, FreePort.Next()), OnCreated);
        await stopped.Task.WaitAsync(TimeSpan.FromMinutes(3));
        await postgres.Server.StopAsync();
        string health;
        try
        {
            using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{controlPort}") };
            await Task.Delay(TimeSpan.FromSeconds(10));
            using var response = await http.GetAsync("/health");
            response.StatusCode.Should().Be(System.Net.HttpStatusCode.ServiceUnavailable);
            health = await response.Content.ReadAsStringAsync();
            await Task.Delay(TimeSpan.FromSeconds(10));
        }
        finally
        {
            await postgres.Server.StartAsync();
        }

        health.Should().Contain("\"store\"").And.MatchRegex("(?i)(refused|connect|shut|terminat)", "health says the database is what is wrong");
        await Polling.UntilAsync(async () => await server.CountAsync(user, "Processed") == OutageMessages, TimeSpan.FromMinutes(4),
            () => $"node-a:\n{a.Log}\nnode-b:\n{b.Log}");
        a.HasExited.Should().BeFalse(a.Log);
        b.HasExited.Should().BeFalse(b.Log);
        (await server.CountAsync(user, "INBOX")).Should().Be(0);
        await AssertOneTicketPerMessageAsync(database, OutageMessages);
        await AssertEveryBlobStoredAsync(database, OutageMessages, OutageMessages / 10);
    }

    private static byte[] Bytes(MimeKit.MimeMessage message)
    {
        using var stream = new MemoryStream();
        message.WriteTo(stream);
        return stream.ToArray();
    }

    /// <summary>
    /// Every ticket's originals are in the blobs table, whole (<paramref name="messages"/>), and its
    /// <paramref name="attachments"/> are read from them: each one's original there, holding the slice it names.
    /// </summary>
    private static async Task AssertEveryBlobStoredAsync(string database, int messages, int attachments)
    {
        await using var dataSource = NpgsqlDataSource.Create(database);
        await using var command = dataSource.CreateCommand(
            """
            WITH referred AS (
                SELECT m->'Original' AS blob, m->'Original'->'InOriginal' AS slice, false AS attachment FROM tickets, jsonb_array_elements(doc->'Messages') m
                UNION ALL SELECT a, a->'InOriginal', true FROM tickets, jsonb_array_elements(doc->'Messages') m, jsonb_array_elements(m->'Attachments') a)
            SELECT count(*) FILTER (WHERE attachment), count(*) FILTER (WHERE NOT attachment), count(*) FILTER (WHERE attachment AND slice IS NOT NULL),
                   count(*) FILTER (WHERE b.sha256 IS NULL
                       OR (slice IS NULL AND b.size <> (r.blob->>'Size')::bigint)
                       OR (slice IS NOT NULL AND b.size < (slice->>'End')::bigint))
            FROM referred r LEFT JOIN blobs b ON b.sha256 = COALESCE(slice->>'Sha256', r.blob->>'Sha256')
            """);
        await using var reader = await command.ExecuteReaderAsync();
        await reader.ReadAsync();
        (reader.GetInt64(0), reader.GetInt64(1), reader.GetInt64(2), reader.GetInt64(3)).Should().Be(
            ((long)attachments, (long)messages, (long)attachments, 0L), "every ticket's bytes are stored, whole, the attachments in their originals");
    }

    private static async Task AssertOneTicketPerMessageAsync(string database, int messages)
    {
        await using var dataSource = NpgsqlDataSource.Create(database);
        await using var command = dataSource.CreateCommand(
            "SELECT count(*), count(DISTINCT number), count(DISTINCT doc->>'Subject'), max(sequence) FROM tickets");
        await using var reader = await command.ExecuteReaderAsync();
        await reader.ReadAsync();
        (reader.GetInt64(0), reader.GetInt64(1), reader.GetInt64(2), reader.GetInt32(3)).Should().Be(((long)messages, (long)messages, (long)messages, messages),
            "exactly one ticket per message, no number twice, none skipped");
    }
}
