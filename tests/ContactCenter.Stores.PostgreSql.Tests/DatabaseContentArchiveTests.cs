using System.Security.Cryptography;
using System.Text;
using ContactCenter.Core.Storage;
using ContactCenter.Testing;
using ContactCenter.Testing.Dovecot;
using ContactCenter.Testing.PostgreSql;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace ContactCenter.Stores.PostgreSql.Tests;

[Collection(PostgresFixture.Collection)]
public sealed class DatabaseContentArchiveTests(PostgresFixture postgres)
{
    [Fact]
    public async Task Store_DatabaseUnreachable_IsTheStorageFaultNotTheItems()
    {
        var options = new PostgreSqlStoreOptions { ConnectionString = $"Host=127.0.0.1;Port={FreePort.Next()};Username=cc;Database=cc;Timeout=3" };
        await using var dataSource = PostgreSqlTicketStoreFactory.CreateDataSource(options);
        var archive = new DatabaseContentArchive(dataSource, NullLogger.Instance);

        var act = () => archive.StoreAsync(new MemoryStream("Buongiorno"u8.ToArray()), "lettera.eml", "message/rfc822", default);

        (await act.Should().ThrowAsync<StorageUnavailableException>()).WithMessage("The database could not store lettera.eml: *")
            .WithInnerException<NpgsqlException>();
    }

    [Fact]
    public async Task Store_SameBytesTwice_StoredOnceAndReadBackByAnyNode()
    {
        var options = new PostgreSqlStoreOptions { ConnectionString = await postgres.Server.CreateDatabaseAsync() };
        using var temp = new TempDirectory();
        var store = new StoreOptions { DataDirectory = temp.Path, Provider = StoreProvider.PostgreSql };
        await using var nodeA = PostgreSqlTicketStoreFactory.CreateDataSource(options);
        await using var nodeB = PostgreSqlTicketStoreFactory.CreateDataSource(options);
        await PostgreSqlTicketStoreFactory.MigrateAsync(nodeA, null, default);
        var archiveA = PostgreSqlTicketStoreFactory.OpenArchive(store, options, nodeA);
        var archiveB = PostgreSqlTicketStoreFactory.OpenArchive(store, options, nodeB);
        var bytes = Encoding.UTF8.GetBytes("From: mario.rossi@example.it\r\nSubject: scuole\r\n\r\nBuongiorno");

        var first = await archiveA.StoreAsync(new MemoryStream(bytes), "../../etc/passwd", "message/rfc822", default);
        var second = await archiveB.StoreAsync(new MemoryStream(bytes), "copia.eml", "", default);

        first.Sha256.Should().Be(Convert.ToHexStringLower(SHA256.HashData(bytes))).And.Be(second.Sha256);
        first.Size.Should().Be(bytes.Length);
        first.FileName.Should().NotContain("/");
        second.ContentType.Should().Be("application/octet-stream");
        archiveB.Contains(first.Sha256).Should().BeTrue();
        archiveB.Contains(new string('0', 64)).Should().BeFalse();
        using (var read = archiveB.OpenRead(first.Sha256.ToUpperInvariant()))
        {
            using var copy = new MemoryStream();
            await read.CopyToAsync(copy);
            copy.ToArray().Should().Equal(bytes);
        }

        await using var count = nodeA.CreateCommand("SELECT count(*) FROM blobs");
        ((long)(await count.ExecuteScalarAsync())!).Should().Be(1);
        var missing = () => archiveA.OpenRead(new string('0', 64));
        missing.Should().Throw<FileNotFoundException>();
        var hostile = () => archiveA.OpenRead("../../etc/passwd");
        hostile.Should().Throw<ArgumentException>();
    }

    /// <summary>
    /// Written at once, each blob is one statement batch in an implicit transaction: without pending blobs its commit
    /// waits for the disk (one WAL flush per blob at least), past the pending budget it does not (the WAL writer flushes
    /// several at once); within the budget it is not written at all until a write refers to it. WAL flushes are counted
    /// for the whole cluster, so the test has one of its own, without autovacuum: on the shared one, the other tests'
    /// databases kept autovacuum writing (a loaded CI machine counted 122 flushes for 100 deferred blobs).
    /// </summary>
    [Fact]
    public async Task Store_SmallBlobs_DurableWithoutPendingDeferredPastTheBudgetHeldWithin()
    {
        const int Blobs = 100;
        await using var server = await PostgresServer.CreateAsync(settings: new Dictionary<string, string> { ["autovacuum"] = "off" });
        var options = new PostgreSqlStoreOptions { ConnectionString = await server.CreateDatabaseAsync() };
        await using var dataSource = PostgreSqlTicketStoreFactory.CreateDataSource(options);
        await PostgreSqlTicketStoreFactory.MigrateAsync(dataSource, null, default);

        var durable = await WalFlushesWhileStoringAsync(dataSource, new DatabaseContentArchive(dataSource, NullLogger.Instance), Blobs);
        var writtenThrough = new PendingBlobs(budgetBytes: 0, TimeProvider.System);
        var deferred = await WalFlushesWhileStoringAsync(dataSource, new DatabaseContentArchive(dataSource, NullLogger.Instance, writtenThrough), Blobs);
        var held = new PendingBlobs();
        await WalFlushesWhileStoringAsync(dataSource, new DatabaseContentArchive(dataSource, NullLogger.Instance, held), Blobs);

        durable.Should().BeGreaterThanOrEqualTo(Blobs);
        deferred.Should().BeLessThan(Blobs);
        writtenThrough.Count.Should().Be(Blobs);
        writtenThrough.HeldBytes.Should().Be(0);
        held.Count.Should().Be(Blobs);
        held.HeldBytes.Should().BeGreaterThan(Blobs * 10);
        await using var count = dataSource.CreateCommand("SELECT count(*) FROM blobs");
        ((long)(await count.ExecuteScalarAsync())!).Should().Be(2 * Blobs, "the held blobs wait for a write that refers to them");
    }

    private static async Task<long> WalFlushesWhileStoringAsync(NpgsqlDataSource dataSource, DatabaseContentArchive archive, int blobs)
    {
        var before = await WalFlushesAsync(dataSource);
        for (var i = 0; i < blobs; i++)
        {
            await archive.StoreAsync(new MemoryStream(Encoding.UTF8.GetBytes($"allegato {i} {Guid.NewGuid()}")), "a.txt", "text/plain", default);
        }

        return await WalFlushesAsync(dataSource) - before;
    }

    /// <summary>
    /// The server's WAL flush count (pg_stat_wal) once it has settled: a backend reports its statistics when idle, at
    /// most once a second, and the WAL writer on its own rounds, so one phase's last flushes could be counted in the next.
    /// </summary>
    private static async Task<long> WalFlushesAsync(NpgsqlDataSource dataSource)
    {
        var last = await ReadWalFlushesAsync(dataSource);
        for (var attempt = 0; attempt < 20; attempt++)
        {
            await Task.Delay(TimeSpan.FromMilliseconds(1200));
            var now = await ReadWalFlushesAsync(dataSource);
            if (now == last)
            {
                return now;
            }

            last = now;
        }

        throw new InvalidOperationException("pg_stat_wal kept moving: something else is writing to the test cluster");
    }

    private static async Task<long> ReadWalFlushesAsync(NpgsqlDataSource dataSource)
    {
        await using var flush = dataSource.CreateCommand("SELECT pg_stat_force_next_flush()");
        await flush.ExecuteNonQueryAsync();
        await using var read = dataSource.CreateCommand("SELECT wal_sync FROM pg_stat_wal");
        return (long)(await read.ExecuteScalarAsync())!;
    }

    [Theory]
    [InlineData("Host=db1;Database=cc;Username=cc", PostgreSqlTicketStoreFactory.DefaultMaxAutoPrepare)]
    [InlineData("Host=db1;Database=cc;Username=cc;Max Auto Prepare=0", 0)]
    [InlineData("Host=db1;Database=cc;Username=cc;maxautoprepare=5", 5)]
    public async Task CreateDataSource_MaxAutoPrepare_OnUnlessTheConnectionStringSays(string connectionString, int expected)
    {
        await using var dataSource = PostgreSqlTicketStoreFactory.CreateDataSource(new PostgreSqlStoreOptions { ConnectionString = connectionString });

        new NpgsqlConnectionStringBuilder(dataSource.ConnectionString).MaxAutoPrepare.Should().Be(expected);
    }

    [Fact]
    public async Task CreateDataSource_PasswordFromFile_Connects()
    {
        using var temp = new TempDirectory();
        var passwordFile = temp.Combine("db-password");
        await File.WriteAllTextAsync(passwordFile, PostgresServer.Password + "\n");
        var database = new NpgsqlConnectionStringBuilder(await postgres.Server.CreateDatabaseAsync()).Database!;
        var options = new PostgreSqlStoreOptions { ConnectionString = postgres.Server.ConnectionStringFor(database, withPassword: false), PasswordFile = passwordFile };

        await using var dataSource = PostgreSqlTicketStoreFactory.CreateDataSource(options);
        await using var command = dataSource.CreateCommand("SELECT current_database()");

        (await command.ExecuteScalarAsync()).Should().Be(database);
    }

    [Fact]
    public void CreateDataSource_TwoPasswordSources_FailsNamingTheSection()
    {
        var options = new PostgreSqlStoreOptions
        {
            ConnectionString = "Host=127.0.0.1;Database=x;Username=cc;Password=inline",
            PasswordEnvironmentVariable = "CC_DB_PASSWORD",
        };

        var act = () => PostgreSqlTicketStoreFactory.CreateDataSource(options);

        act.Should().Throw<Microsoft.Extensions.Options.OptionsValidationException>().WithMessage("*ContactCenter:Store:PostgreSql*one place only*");
    }
}
