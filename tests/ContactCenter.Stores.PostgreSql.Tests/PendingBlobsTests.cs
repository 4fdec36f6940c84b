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
    [Fact]
    public async Task Dispatch_OriginalLostBeforeTheBatchCommitted_StoresNothingUntilItIsArchivedAgain()
    {
        var options = new PostgreSqlStoreOptions { ConnectionString = await postgres.Server.CreateDatabaseAsync() };
        using var temp = new TempDirectory();
        var storeOptions = new StoreOptions { DataDirectory = temp.Path, Provider = StoreProvider.PostgreSql };
        await using var dataSource = PostgreSqlTicketStoreFactory.CreateDataSource(options);
        await PostgreSqlTicketStoreFactory.MigrateAsync(dataSource, null, default);
        var pending = new PendingBlobs();
        var archive = PostgreSqlTicketStoreFactory.OpenArchive(storeOptions, options, dataSource, pending: pending);
        using var store = PostgreSqlTicketStoreFactory.Open(storeOptions, options, pendingBlobs: pending);
        var bytes = Encoding.UTF8.GetBytes("From: mario.rossi@example.it\r\nSubject: scuole\r\n\r\nBuongiorno");
        var original = await archive.StoreAsync(new MemoryStream(bytes), "message.eml", "message/rfc822", default);
        // What a server restart does to a blob whose asynchronous commit had not reached the disk yet.
        await using (var lose = dataSource.CreateCommand($"DELETE FROM blobs WHERE sha256 = '{original.Sha256}'"))
        {
            await lose.ExecuteNonQueryAsync();
        }

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
    public async Task HoldSpam_OriginalLostBeforeTheRecordCommitted_HoldsNothing()
    {
        var options = new PostgreSqlStoreOptions { ConnectionString = await postgres.Server.CreateDatabaseAsync() };
        using var temp = new TempDirectory();
        var storeOptions = new StoreOptions { DataDirectory = temp.Path, Provider = StoreProvider.PostgreSql };
        await using var dataSource = PostgreSqlTicketStoreFactory.CreateDataSource(options);
        await PostgreSqlTicketStoreFactory.MigrateAsync(dataSource, null, default);
        var pending = new PendingBlobs();
        var archive = PostgreSqlTicketStoreFactory.OpenArchive(storeOptions, options, dataSource, pending: pending);
        using var store = PostgreSqlTicketStoreFactory.Open(storeOptions, options, pendingBlobs: pending);
        var original = await archive.StoreAsync(new MemoryStream("XJS*C4JDBQADN1.NSBN3*2IDNEN*GTUBE"u8.ToArray()), "spam.eml", "message/rfc822", default);
        await using (var lose = dataSource.CreateCommand($"DELETE FROM blobs WHERE sha256 = '{original.Sha256}'"))
        {
            await lose.ExecuteNonQueryAsync();
        }

        var hold = () => store.HoldSpamAsync(new SpamRecord { SourceKey = "posta:spam", ChannelName = "posta", Subject = "Offerta", Original = original }, default);

        (await hold.Should().ThrowAsync<InvalidOperationException>()).WithMessage("*no longer in the database*");
        (await store.ListSpamAsync(includeResolved: true, default)).Should().BeEmpty();
        (await store.FindKnownSourcesAsync(["posta:spam"], default)).Should().BeEmpty("the item is read again, and held then");
    }
}
