using System.Security.Cryptography;
using ContactCenter.Core.Storage;
using ContactCenter.Testing;
using ContactCenter.Testing.PostgreSql;
using Npgsql;

namespace ContactCenter.Stores.PostgreSql.Tests;

/// <summary>
/// Blobs over <see cref="DatabaseContentArchive.InMemoryLimit"/>: streamed to the server, hashed on the way. Each test
/// empties its blobs table afterwards (TRUNCATE drops the table's dirty buffers), so the shared cluster's next
/// checkpoint has no megabytes of them to write.
/// </summary>
[Collection(PostgresFixture.Collection)]
public sealed class DatabaseContentArchiveLargeBlobTests(PostgresFixture postgres) : IAsyncLifetime
{
    private readonly List<string> _databases = [];

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        foreach (var database in _databases)
        {
            await using var connection = new NpgsqlConnection(database);
            await connection.OpenAsync();
            await using var truncate = new NpgsqlCommand("TRUNCATE blobs", connection);
            await truncate.ExecuteNonQueryAsync();
        }
    }

    [Fact]
    public async Task Store_LargeBlobFromUnseekableStream_RoundTripsByteForByte()
    {
        var (dataSource, archive) = await OpenAsync();
        await using var _ = dataSource;
        var bytes = RandomNumberGenerator.GetBytes(2 * 1024 * 1024 + 17);

        var stored = await archive.StoreAsync(new NonSeekableStream(new MemoryStream(bytes)), "scansione.pdf", "application/pdf", default);

        stored.Sha256.Should().Be(Convert.ToHexStringLower(SHA256.HashData(bytes)));
        stored.Size.Should().Be(bytes.Length);
        using var read = archive.OpenRead(stored.Sha256);
        using var copy = new MemoryStream();
        await read.CopyToAsync(copy);
        copy.ToArray().Should().Equal(bytes);
        (await dataSource.ScalarAsync("SELECT count(*) FROM blobs WHERE sha256 LIKE 'partial-%'")).Should().Be(0L, "the placeholder key never commits");
    }

    [Fact]
    public async Task Store_LargeBlobFirstOnANewDatabase_MigratesTheSchemaFirst()
    {
        // `ingest --once` on a database no service has started: a large original is written before any ticket.
        await using var dataSource = PostgreSqlTicketStoreFactory.CreateDataSource(new PostgreSqlStoreOptions { ConnectionString = await CreateDatabaseAsync() });
        var archive = new DatabaseContentArchive(dataSource, Microsoft.Extensions.Logging.Abstractions.NullLogger.Instance,
            new PendingBlobs());
        var bytes = RandomNumberGenerator.GetBytes(2 * 1024 * 1024);

        var stored = await archive.StoreAsync(new MemoryStream(bytes), "scansione.pdf", "application/pdf", default);

        using var read = archive.OpenRead(stored.Sha256);
        using var copy = new MemoryStream();
        await read.CopyToAsync(copy);
        copy.ToArray().Should().Equal(bytes);
        (await dataSource.ScalarAsync("SELECT max(version) FROM cc_schema_version")).Should().Be(PostgreSqlTicketStoreFactory.LatestSchemaVersion);
    }

    [Fact]
    public async Task Store_SameLargeBlobFromTwoNodesAtOnce_StoredOnce()
    {
        var options = new PostgreSqlStoreOptions { ConnectionString = await CreateDatabaseAsync() };
        await using var nodeA = PostgreSqlTicketStoreFactory.CreateDataSource(options);
        await using var nodeB = PostgreSqlTicketStoreFactory.CreateDataSource(options);
        await PostgreSqlTicketStoreFactory.MigrateAsync(nodeA, null, default);
        var archiveA = new DatabaseContentArchive(nodeA, Microsoft.Extensions.Logging.Abstractions.NullLogger.Instance);
        var archiveB = new DatabaseContentArchive(nodeB, Microsoft.Extensions.Logging.Abstractions.NullLogger.Instance);
        var bytes = RandomNumberGenerator.GetBytes(2 * 1024 * 1024);

        var stored = await Task.WhenAll(
            Task.Run(() => archiveA.StoreAsync(new MemoryStream(bytes), "a.pdf", "application/pdf", default)),
            Task.Run(() => archiveB.StoreAsync(new MemoryStream(bytes), "b.pdf", "application/pdf", default)));
        var again = await archiveA.StoreAsync(new MemoryStream(bytes), "c.pdf", "application/pdf", default);

        stored.Select(s => s.Sha256).Append(again.Sha256).Distinct().Should().ContainSingle();
        (await nodeA.ScalarAsync("SELECT count(*) FROM blobs")).Should().Be(1L);
        (await nodeA.ScalarAsync("SELECT size FROM blobs")).Should().Be((long)bytes.Length);
        archiveB.Contains(again.Sha256).Should().BeTrue();
    }

    /// <summary>
    /// The service's spool hands a large message over as a file: the archive streams it to the server instead of
    /// copying it into memory (it used to allocate twice its size, a MemoryStream growing by doubling).
    /// </summary>
    [Fact]
    public async Task StoreAndOpenRead_LargeBlobFromFile_StreamedNotHeldInMemory()
    {
        const int Size = 8 * 1024 * 1024;
        var (dataSource, archive) = await OpenAsync();
        await using var _ = dataSource;
        using var temp = new TempDirectory();
        var path = temp.Combine("allegato.bin");
        await using (var file = File.Create(path))
        {
            var chunk = new byte[1024 * 1024];
            for (var i = 0; i < Size / chunk.Length; i++)
            {
                Random.Shared.NextBytes(chunk);
                await file.WriteAsync(chunk);
            }
        }

        await archive.StoreAsync(new MemoryStream(new byte[2 * 1024 * 1024]), "warm-up.bin", "application/octet-stream", default);
        await using var content = File.OpenRead(path);
        var allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
        var stored = await archive.StoreAsync(content, "allegato.bin", "application/octet-stream", default);
        var allocated = GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore;

        allocated.Should().BeLessThan(Size / 2, "the blob goes to the server in small chunks, never whole in memory");
        stored.Size.Should().Be(Size);
        await using var hash = File.OpenRead(path);
        stored.Sha256.Should().Be(Convert.ToHexStringLower(await SHA256.HashDataAsync(hash)));
        (await dataSource.ScalarAsync($"SELECT length(content) FROM blobs WHERE sha256 = '{stored.Sha256}'")).Should().Be(Size);

        allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
        await using var read = archive.OpenRead(stored.Sha256);
        var readHash = Convert.ToHexStringLower(await SHA256.HashDataAsync(read));
        allocated = GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore;

        readHash.Should().Be(stored.Sha256);
        read.Length.Should().Be(Size, "a reader may still ask for the length and seek, as with the in-memory copy");
        allocated.Should().BeLessThan(Size / 2, "reading back goes through a temporary file, not a byte array of the whole blob");
    }

    private async Task<string> CreateDatabaseAsync()
    {
        var connectionString = await postgres.Server.CreateDatabaseAsync();
        _databases.Add(connectionString);
        return connectionString;
    }

    private async Task<(NpgsqlDataSource DataSource, DatabaseContentArchive Archive)> OpenAsync()
    {
        var options = new PostgreSqlStoreOptions { ConnectionString = await CreateDatabaseAsync() };
        var dataSource = PostgreSqlTicketStoreFactory.CreateDataSource(options);
        await PostgreSqlTicketStoreFactory.MigrateAsync(dataSource, null, default);
        return (dataSource, new DatabaseContentArchive(dataSource, Microsoft.Extensions.Logging.Abstractions.NullLogger.Instance));
    }
}
