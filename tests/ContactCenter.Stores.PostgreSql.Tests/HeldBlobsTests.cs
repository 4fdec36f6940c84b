using System.Security.Cryptography;
using System.Text;
using ContactCenter.Core.Storage;
using ContactCenter.Core.Tickets;
using ContactCenter.Testing.PostgreSql;
using ContactCenter.Testing.Storage;
using Npgsql;

namespace ContactCenter.Stores.PostgreSql.Tests;

/// <summary>
/// Originals held in memory (<see cref="PendingBlobs"/>) until the write that refers to them inserts them in its own
/// transaction: readable before, durable exactly with that write, never half-written.
/// </summary>
[Collection(PostgresFixture.Collection)]
public sealed class HeldBlobsTests(PostgresFixture postgres)
{
    private const string BlobCount = "SELECT count(*) FROM blobs";

    [Fact]
    public async Task OpenRead_HeldOriginalBeforeDispatch_ReadFromMemoryThenWrittenWithTheBatch()
    {
        await using var rig = await PendingBlobsRig.OpenAsync(postgres);
        await using var other = await rig.OpenAnotherAsync();
        var bytes = Eml("scuole chiuse?");
        var original = await rig.Archive.StoreAsync(new MemoryStream(bytes), "message.eml", "message/rfc822", default);

        (await rig.CountAsync(BlobCount)).Should().Be(0, "nothing refers to it yet");
        rig.Archive.Contains(original.Sha256).Should().BeTrue();
        (await rig.ReadAsync(original.Sha256.ToUpperInvariant())).Should().Equal(bytes);
        other.Archive.Contains(original.Sha256).Should().BeFalse("another node sees it once a write that refers to it has committed");

        var outcomes = await rig.Store.DispatchAsync([StoreRequests.Mail("posta:1", originalSha256: original.Sha256)], default);

        outcomes.Single().Kind.Should().Be(DispatchOutcomeKind.Created);
        (rig.Pending.Count, rig.Pending.HeldBytes).Should().Be((0, 0L));
        (await other.ReadAsync(original.Sha256)).Should().Equal(bytes);
    }

    [Fact]
    public async Task Quarantine_HeldOriginal_WrittenWithTheRecord()
    {
        await using var rig = await PendingBlobsRig.OpenAsync(postgres);
        await using var other = await rig.OpenAnotherAsync();
        var bytes = Eml("allegato illeggibile");
        var original = await rig.Archive.StoreAsync(new MemoryStream(bytes), "message.eml", "message/rfc822", default);

        var record = await rig.Store.QuarantineAsync(
            new QuarantineRecord { SourceKey = "posta:q", ChannelName = "posta", Reason = "MIME non valido", Original = original, Status = QuarantineStatus.Pending },
            default);

        (await other.Store.GetQuarantineAsync(record.Id, default))!.Original!.Sha256.Should().Be(original.Sha256);
        (await other.ReadAsync(original.Sha256)).Should().Equal(bytes);
        rig.Pending.Count.Should().Be(0);
    }

    [Fact]
    public async Task HoldSpam_HeldOriginal_WrittenWithTheRecord()
    {
        await using var rig = await PendingBlobsRig.OpenAsync(postgres);
        await using var other = await rig.OpenAnotherAsync();
        var bytes = Eml("XJS*C4JDBQADN1.NSBN3*2IDNEN*GTUBE");
        var original = await rig.Archive.StoreAsync(new MemoryStream(bytes), "spam.eml", "message/rfc822", default);

        await rig.Store.HoldSpamAsync(new SpamRecord { SourceKey = "posta:spam", ChannelName = "posta", Subject = "Offerta", Original = original }, default);

        (await other.ReadAsync(original.Sha256)).Should().Equal(bytes);
        rig.Pending.Count.Should().Be(0);
    }

    [Fact]
    public async Task Store_PastTheBudget_WrittenAtOnceAndCheckedByTheBatch()
    {
        await using var rig = await PendingBlobsRig.OpenAsync(postgres, budgetBytes: 1000);
        var first = await rig.Archive.StoreAsync(new MemoryStream(Eml(new string('a', 500))), "a.eml", "message/rfc822", default);
        var second = await rig.Archive.StoreAsync(new MemoryStream(Eml(new string('b', 500))), "b.pdf", "application/pdf", default);

        (await rig.CountAsync(BlobCount)).Should().Be(1, "the second did not fit in the budget");
        (rig.Pending.Count, rig.Pending.HeldBytes).Should().Be((2, first.Size));
        var request = StoreRequests.Mail("posta:1", originalSha256: first.Sha256);
        request.Draft.Attachments.Add(second);

        await rig.Store.DispatchAsync([request], default);

        (await rig.CountAsync(BlobCount)).Should().Be(2);
        (rig.Pending.Count, rig.Pending.HeldBytes).Should().Be((0, 0L));
        await rig.Archive.StoreAsync(new MemoryStream(Eml(new string('c', 500))), "c.eml", "message/rfc822", default);
        (await rig.CountAsync(BlobCount)).Should().Be(2, "the committed batch gave the budget back");
    }

    [Fact]
    public async Task Dispatch_TwoBatchesOfOneNodeShareAHeldBlob_StoredOnceForBoth()
    {
        await using var rig = await PendingBlobsRig.OpenAsync(postgres);
        var logo = await rig.Archive.StoreAsync(new MemoryStream(Eml("logo del comune")), "logo.png", "image/png", default);
        var batches = Enumerable.Range(0, 2).Select(b => Enumerable.Range(0, 5).Select(i =>
        {
            var request = StoreRequests.Mail($"posta:{b}-{i}", messageId: $"m{b}-{i}@example.it");
            request.Draft.Attachments.Add(logo);
            return request;
        }).ToList()).ToList();

        var outcomes = await Task.WhenAll(batches.Select(b => rig.Store.DispatchAsync(b, default)));

        outcomes.SelectMany(o => o).Should().HaveCount(10).And.OnlyContain(o => o.Kind == DispatchOutcomeKind.Created);
        (await rig.CountAsync(BlobCount)).Should().Be(1);
        rig.Pending.Count.Should().Be(0);
    }

    [Fact]
    public async Task Dispatch_TwoNodesHoldTheSameBlob_StoredOnceForBoth()
    {
        await using var nodeA = await PendingBlobsRig.OpenAsync(postgres);
        await using var nodeB = await nodeA.OpenAnotherAsync();
        var bytes = Eml("inoltro dello stesso allegato");
        var nodes = new[] { nodeA, nodeB };
        var requests = new List<DispatchRequest>();
        foreach (var (node, i) in nodes.Select((n, i) => (n, i)))
        {
            var original = await node.Archive.StoreAsync(new MemoryStream(bytes), "message.eml", "message/rfc822", default);
            requests.Add(StoreRequests.Mail($"posta:{i}", messageId: $"m{i}@example.it", originalSha256: original.Sha256));
        }

        var outcomes = await Task.WhenAll(nodes.Select((n, i) => n.Store.DispatchAsync([requests[i]], default)));

        outcomes.Should().OnlyContain(o => o.Single().Kind == DispatchOutcomeKind.Created);
        (await nodeA.CountAsync(BlobCount)).Should().Be(1);
        nodes.Should().OnlyContain(n => n.Pending.Count == 0);
    }

    [Fact]
    public async Task Dispatch_HeldBlobsBeyondOneInsert_AllWrittenByTheBatch()
    {
        await using var rig = await PendingBlobsRig.OpenAsync(postgres);
        var request = StoreRequests.Mail("posta:1");
        var contents = Enumerable.Range(0, 10).Select(_ => RandomNumberGenerator.GetBytes(DatabaseContentArchive.InMemoryLimit)).ToList();
        foreach (var content in contents)
        {
            request.Draft.Attachments.Add(await rig.Archive.StoreAsync(new MemoryStream(content), "scansione.pdf", "application/pdf", default));
        }

        rig.Pending.HeldBytes.Should().BeGreaterThan(PendingBlobWrite.InsertBytes, "more than one insert's worth");

        await rig.Store.DispatchAsync([request], default);

        (await rig.CountAsync(BlobCount)).Should().Be(10);
        rig.Pending.Count.Should().Be(0);
        await using var other = await rig.OpenAnotherAsync();
        (await other.ReadAsync(request.Draft.Attachments[9].Sha256)).Should().Equal(contents[9]);
        await ExecuteAsync(rig, "TRUNCATE blobs"); // spares the shared cluster's next checkpoint 10 MiB of buffers
    }

    [Fact]
    public async Task Dispatch_FailsInsideItsTransaction_LeavesNeitherBlobNorTicketAndKeepsTheBytes()
    {
        await using var rig = await PendingBlobsRig.OpenAsync(postgres);
        var bytes = Eml("richiesta che il database rifiuta");
        var original = await rig.Archive.StoreAsync(new MemoryStream(bytes), "message.eml", "message/rfc822", default);
        await ExecuteAsync(rig,
            """
            CREATE FUNCTION refuse_ticket() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'ticket refused by the test'; END $$;
            CREATE TRIGGER refuse_ticket BEFORE INSERT ON tickets FOR EACH ROW EXECUTE FUNCTION refuse_ticket();
            """);
        var request = StoreRequests.Mail("posta:1", originalSha256: original.Sha256);

        var refused = () => rig.Store.DispatchAsync([request], default);

        (await refused.Should().ThrowAsync<PostgresException>()).Which.MessageText.Should().Contain("refused by the test");
        (await rig.CountAsync(BlobCount)).Should().Be(0, "the blob was inserted in the transaction that rolled back");
        (await rig.Store.FindKnownSourcesAsync(["posta:1"], default)).Should().BeEmpty();
        (await rig.ReadAsync(original.Sha256)).Should().Equal(bytes);

        await ExecuteAsync(rig, "DROP TRIGGER refuse_ticket ON tickets");
        (await rig.Store.DispatchAsync([request], default)).Single().Kind.Should().Be(DispatchOutcomeKind.Created);
        (await rig.CountAsync(BlobCount)).Should().Be(1);
        rig.Pending.Count.Should().Be(0);
    }

    [Fact]
    public async Task Store_HeldBlobNoWriteClaims_WrittenWithTheNextWriteOnceUnclaimedTooLong()
    {
        await using var rig = await PendingBlobsRig.OpenAsync(postgres);
        var orphan = await rig.Archive.StoreAsync(new MemoryStream(Eml("allegato di un messaggio scartato")), "a.pdf", "application/pdf", default);
        var first = await rig.Archive.StoreAsync(new MemoryStream(Eml("prima")), "message.eml", "message/rfc822", default);

        await rig.Store.DispatchAsync([StoreRequests.Mail("posta:1", messageId: "m1@example.it", originalSha256: first.Sha256)], default);

        rig.Archive.Contains(orphan.Sha256).Should().BeTrue();
        (await rig.CountAsync(BlobCount)).Should().Be(1, "a blob just archived may still be claimed by its own batch");
        rig.Time.Advance(PendingBlobs.Unclaimed + TimeSpan.FromSeconds(1));
        var second = await rig.Archive.StoreAsync(new MemoryStream(Eml("seconda")), "message.eml", "message/rfc822", default);

        await rig.Store.DispatchAsync([StoreRequests.Mail("posta:2", messageId: "m2@example.it", originalSha256: second.Sha256)], default);

        (await rig.CountAsync(BlobCount)).Should().Be(3);
        (rig.Pending.Count, rig.Pending.HeldBytes).Should().Be((0, 0L));
    }

    private static byte[] Eml(string body) => Encoding.UTF8.GetBytes($"From: mario.rossi@example.it\r\nSubject: prova\r\n\r\n{body}");

    private static async Task ExecuteAsync(PendingBlobsRig rig, string sql)
    {
        await using var command = rig.DataSource.CreateCommand(sql);
        await command.ExecuteNonQueryAsync();
    }
}
