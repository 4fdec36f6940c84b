using System.Text;
using ContactCenter.Core.Storage;
using ContactCenter.Testing;
using ContactCenter.Testing.PostgreSql;
using ContactCenter.Testing.Storage;
using Npgsql;

namespace ContactCenter.Stores.PostgreSql.Tests;

[Collection(PostgresFixture.Collection)]
public sealed class PendingBlobsTests(PostgresFixture postgres)
{
    [Theory]
    [InlineData(200)]
    [InlineData(DatabaseContentArchive.InMemoryLimit + 1)]
    public async Task Dispatch_OriginalWrittenThroughLostBeforeTheBatchCommitted_StoresNothingUntilItIsArchivedAgain(int size)
    {
        // No budget: every original is written at once with an asynchronous commit (as past the budget, or over 1 MiB).
        await using var rig = await PendingBlobsRig.OpenAsync(postgres, budgetBytes: 0);
        var (archive, store) = (rig.Archive, rig.Store);
        var bytes = Encoding.UTF8.GetBytes("From: mario.rossi@example.it\r\nSubject: scuole\r\n\r\n" + new string('B', size));
        var original = await archive.StoreAsync(new MemoryStream(bytes), "message.eml", "message/rfc822", default);
        await rig.Pending.WhenWrittenAsync(original.Sha256); // over 1 MiB it is written in the background
        // What a server restart does to a blob whose asynchronous commit had not reached the disk yet.
        await rig.ExecuteAsync($"DELETE FROM blobs WHERE sha256 = '{original.Sha256}'");

        var request = StoreRequests.Mail("posta:1", originalSha256: original.Sha256);
        var lost = () => store.DispatchAsync([request], default);

        (await lost.Should().ThrowAsync<InvalidOperationException>()).WithMessage("*no longer in the database*");
        (await store.FindKnownSourcesAsync(["posta:1"], default)).Should().BeEmpty("nothing of the batch may be stored, so the item is read again");

        (await archive.StoreAsync(new MemoryStream(bytes), "message.eml", "message/rfc822", default)).Sha256.Should().Be(original.Sha256);
        var outcomes = await store.DispatchAsync([request], default);

        outcomes.Single().Kind.Should().Be(DispatchOutcomeKind.Created);
        archive.Contains(original.Sha256).Should().BeTrue();
    }

    [Fact]
    public async Task HoldSpam_OriginalWrittenThroughLostBeforeTheRecordCommitted_HoldsNothing()
    {
        await using var rig = await PendingBlobsRig.OpenAsync(postgres, budgetBytes: 0);
        var (archive, store) = (rig.Archive, rig.Store);
        var original = await archive.StoreAsync(new MemoryStream("XJS*C4JDBQADN1.NSBN3*2IDNEN*GTUBE"u8.ToArray()), "spam.eml", "message/rfc822", default);
        await rig.ExecuteAsync($"DELETE FROM blobs WHERE sha256 = '{original.Sha256}'");

        var hold = () => store.HoldSpamAsync(new SpamRecord { SourceKey = "posta:spam", ChannelName = "posta", Subject = "Offerta", Original = original }, default);

        (await hold.Should().ThrowAsync<InvalidOperationException>()).WithMessage("*no longer in the database*");
        (await store.ListSpamAsync(includeResolved: true, default)).Should().BeEmpty();
        (await store.FindKnownSourcesAsync(["posta:spam"], default)).Should().BeEmpty("the item is read again, and held then");
    }

    [Fact]
    public async Task Dispatch_ManyTicketsWithTheSameAttachment_StoredOnceAndNotWrittenAgainOnceDurable()
    {
        await using var rig = await PendingBlobsRig.OpenAsync(postgres);
        var (dataSource, pending, archive, store) = (rig.DataSource, rig.Pending, rig.Archive, rig.Store);
        var logo = Encoding.UTF8.GetBytes("logo del comune " + new string('x', 4000));
        var requests = new List<DispatchRequest>();
        for (var i = 0; i < 20; i++)
        {
            var request = StoreRequests.Mail($"posta:{i}", messageId: $"m{i}@example.it");
            request.Draft.Attachments.Add(await archive.StoreAsync(new MemoryStream(logo), "logo.png", "image/png", default));
            requests.Add(request);
        }

        var outcomes = await store.DispatchAsync(requests, default);

        outcomes.Should().OnlyContain(o => o.Kind == DispatchOutcomeKind.Created);
        pending.Count.Should().Be(0, "the batch's commit made the blob durable");
        await using (var count = dataSource.CreateCommand("SELECT count(*) FROM blobs"))
        {
            ((long)(await count.ExecuteScalarAsync())!).Should().Be(1);
        }

        // A write would wait for this lock: archiving the same bytes again must not touch the database at all.
        await using var locker = await dataSource.OpenConnectionAsync();
        await using var transaction = await rig.LockBlobsAsync(locker);

        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        var again = await archive.StoreAsync(new MemoryStream(logo), "logo.png", "image/png", timeout.Token);

        again.Sha256.Should().Be(requests[0].Draft.Attachments[0].Sha256);
        pending.Count.Should().Be(0);
        await transaction.RollbackAsync();
        (await store.GetAsync(outcomes[19].TicketNumber!, default))!.Attachments.Single().Sha256.Should().Be(again.Sha256);
    }
}
