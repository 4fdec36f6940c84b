using System.Security.Cryptography;
using ContactCenter.Core.Storage;
using ContactCenter.Testing;
using ContactCenter.Testing.PostgreSql;
using ContactCenter.Testing.Storage;
using Npgsql;

namespace ContactCenter.Stores.PostgreSql.Tests;

/// <summary>
/// Blobs over <see cref="DatabaseContentArchive.InMemoryLimit"/> on a node (with <see cref="PendingBlobs"/>): hashed
/// into a temporary file and written in the background (<see cref="BlobWriteBehind"/>), so archiving does not wait
/// for the server, while the write that refers to them does, and fails when they could not be written.
/// </summary>
[Collection(PostgresFixture.Collection)]
public sealed class BlobWriteBehindTests(PostgresFixture postgres)
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task Store_LargeBlobWhileTheDatabaseIsBusy_ReturnsAtOnceAndTheBatchWaitsForIt()
    {
        await using var rig = await PendingBlobsRig.OpenAsync(postgres);
        var bytes = RandomNumberGenerator.GetBytes(2 * 1024 * 1024 + 5);
        await using var locker = await rig.DataSource.OpenConnectionAsync();
        await using var transaction = await rig.LockBlobsAsync(locker);

        using var timeout = new CancellationTokenSource(Patience);
        var stored = await rig.Archive.StoreAsync(new NonSeekableStream(new MemoryStream(bytes)), "scansione.pdf", "application/pdf", timeout.Token);
        var dispatch = rig.Store.DispatchAsync([StoreRequests.Mail("posta:1", originalSha256: stored.Sha256)], default);
        var read = Task.Run(() => rig.ReadAsync(stored.Sha256));
        await Task.Delay(TimeSpan.FromMilliseconds(300));

        stored.Sha256.Should().Be(Convert.ToHexStringLower(SHA256.HashData(bytes)));
        stored.Size.Should().Be(bytes.Length);
        (dispatch.IsCompleted, read.IsCompleted).Should().Be((false, false), "both wait until the blob is in the database");
        await transaction.RollbackAsync();
        (await dispatch.WaitAsync(Patience)).Single().Kind.Should().Be(DispatchOutcomeKind.Created);
        (await read.WaitAsync(Patience)).Should().Equal(bytes);
        rig.Pending.Count.Should().Be(0, "the batch's commit made it durable");
        await TruncateAsync(rig);
    }

    [Fact]
    public async Task Dispatch_LargeBlobWriteFailed_StoresNothingUntilItIsArchivedAgain()
    {
        await using var rig = await PendingBlobsRig.OpenAsync(postgres);
        var bytes = RandomNumberGenerator.GetBytes(DatabaseContentArchive.InMemoryLimit + 1);
        await rig.ExecuteAsync("ALTER TABLE blobs ADD CONSTRAINT refuse_large CHECK (size <= 1048576) NOT VALID");
        var stored = await rig.Archive.StoreAsync(new MemoryStream(bytes), "message.eml", "message/rfc822", default);
        var request = StoreRequests.Mail("posta:1", originalSha256: stored.Sha256);

        var dispatch = () => rig.Store.DispatchAsync([request], default);

        (await dispatch.Should().ThrowAsync<StorageUnavailableException>()).WithMessage($"*could not store archived content {stored.Sha256}*")
            .WithInnerException<PostgresException>();
        (await rig.Store.FindKnownSourcesAsync(["posta:1"], default)).Should().BeEmpty("the item is read again");
        var read = () => rig.ReadAsync(stored.Sha256);
        await read.Should().ThrowAsync<StorageUnavailableException>();
        await dispatch.Should().ThrowAsync<StorageUnavailableException>("it stays refused until its item is archived again");

        await rig.ExecuteAsync("ALTER TABLE blobs DROP CONSTRAINT refuse_large");
        (await rig.Archive.StoreAsync(new MemoryStream(bytes), "message.eml", "message/rfc822", default)).Sha256.Should().Be(stored.Sha256);

        (await rig.Store.DispatchAsync([request], default)).Single().Kind.Should().Be(DispatchOutcomeKind.Created);
        (await rig.ReadAsync(stored.Sha256)).Should().Equal(bytes);
        await TruncateAsync(rig);
    }

    [Fact]
    public async Task Dispatch_UnclaimedLargeBlobWriteFailed_ForgottenByTheNextWrite()
    {
        await using var rig = await PendingBlobsRig.OpenAsync(postgres);
        await rig.ExecuteAsync("ALTER TABLE blobs ADD CONSTRAINT refuse_large CHECK (size <= 1048576) NOT VALID");
        var stored = await rig.Archive.StoreAsync(new MemoryStream(new byte[DatabaseContentArchive.InMemoryLimit + 1]), "message.eml", "message/rfc822", default);
        var written = () => rig.Pending.WhenWrittenAsync(stored.Sha256);
        await written.Should().ThrowAsync<StorageUnavailableException>();
        rig.Time.Advance(PendingBlobs.Unclaimed + TimeSpan.FromSeconds(1));

        var outcomes = await rig.Store.DispatchAsync([StoreRequests.Mail("posta:2")], default);

        outcomes.Single().Kind.Should().Be(DispatchOutcomeKind.Created, "a failed write nothing refers to does not fail the writes of others");
        rig.Pending.Count.Should().Be(0);
    }

    [Fact]
    public async Task Store_LargeBlobAgainOnceDurableOrWhileWriting_WrittenOnce()
    {
        await using var rig = await PendingBlobsRig.OpenAsync(postgres);
        var bytes = RandomNumberGenerator.GetBytes(3 * 1024 * 1024);
        var first = await rig.Archive.StoreAsync(new MemoryStream(bytes), "a.pdf", "application/pdf", default);
        var second = await rig.Archive.StoreAsync(new MemoryStream(bytes), "b.pdf", "application/pdf", default);
        (await rig.Store.DispatchAsync([StoreRequests.Mail("posta:1", originalSha256: first.Sha256)], default)).Single().Kind.Should().Be(DispatchOutcomeKind.Created);
        await using var locker = await rig.DataSource.OpenConnectionAsync();
        await using var transaction = await rig.LockBlobsAsync(locker);

        using var timeout = new CancellationTokenSource(Patience);
        var third = await rig.Archive.StoreAsync(new MemoryStream(bytes), "c.pdf", "application/pdf", timeout.Token);

        (second.Sha256, third.Sha256).Should().Be((first.Sha256, first.Sha256));
        rig.Pending.Count.Should().Be(0, "durable bytes are not written again");
        await transaction.RollbackAsync();
        (await rig.CountAsync("SELECT count(*) FROM blobs")).Should().Be(1);
        await TruncateAsync(rig);
    }

    // As in DatabaseContentArchiveLargeBlobTests: the shared cluster's next checkpoint has no megabytes of these to write.
    private static Task TruncateAsync(PendingBlobsRig rig) => rig.ExecuteAsync("TRUNCATE blobs");
}
