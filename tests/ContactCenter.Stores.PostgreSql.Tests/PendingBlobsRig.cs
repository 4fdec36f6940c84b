using ContactCenter.Core.Storage;
using ContactCenter.Testing;
using ContactCenter.Testing.PostgreSql;
using Microsoft.Extensions.Time.Testing;
using Npgsql;

namespace ContactCenter.Stores.PostgreSql.Tests;

/// <summary>
/// A node as the service wires it: the store and the database archive sharing one <see cref="PendingBlobs"/> (with a
/// fake clock), on a fresh database or on another rig's (a second node).
/// </summary>
internal sealed class PendingBlobsRig : IAsyncDisposable
{
    private readonly TempDirectory temp = new();

    private PendingBlobsRig(NpgsqlDataSource dataSource, string connectionString, long budgetBytes)
    {
        (DataSource, ConnectionString) = (dataSource, connectionString);
        Pending = new PendingBlobs(budgetBytes, Time);
    }

    public NpgsqlDataSource DataSource { get; }

    public string ConnectionString { get; }

    public FakeTimeProvider Time { get; } = new(new DateTimeOffset(2026, 3, 10, 9, 30, 0, TimeSpan.Zero));

    public PendingBlobs Pending { get; }

    public IContentArchive Archive { get; private set; } = null!;

    public ITicketStore Store { get; private set; } = null!;

    public static async Task<PendingBlobsRig> OpenAsync(PostgresFixture postgres, long budgetBytes = PendingBlobs.DefaultBudgetBytes) =>
        await OpenAsync(await postgres.Server.CreateDatabaseAsync(), budgetBytes, migrate: true);

    /// <summary>Another node (its own memory) on this rig's database.</summary>
    public Task<PendingBlobsRig> OpenAnotherAsync(long budgetBytes = PendingBlobs.DefaultBudgetBytes) => OpenAsync(ConnectionString, budgetBytes, migrate: false);

    public async Task<long> CountAsync(string sql)
    {
        await using var command = DataSource.CreateCommand(sql);
        return (long)(await command.ExecuteScalarAsync())!;
    }

    public async Task ExecuteAsync(string sql)
    {
        await using var command = DataSource.CreateCommand(sql);
        await command.ExecuteNonQueryAsync();
    }

    /// <summary>The blobs table locked, as a busy server would keep it, until the returned transaction ends (on its own connection).</summary>
    public async Task<NpgsqlTransaction> LockBlobsAsync(NpgsqlConnection locker)
    {
        var transaction = await locker.BeginTransactionAsync();
        await using var lockBlobs = new NpgsqlCommand("LOCK TABLE blobs IN ACCESS EXCLUSIVE MODE", locker, transaction);
        await lockBlobs.ExecuteNonQueryAsync();
        return transaction;
    }

    public async Task<byte[]> ReadAsync(string sha256)
    {
        using var read = Archive.OpenRead(sha256);
        using var copy = new MemoryStream();
        await read.CopyToAsync(copy);
        return copy.ToArray();
    }

    private static async Task<PendingBlobsRig> OpenAsync(string connectionString, long budgetBytes, bool migrate)
    {
        var options = new PostgreSqlStoreOptions { ConnectionString = connectionString };
        var rig = new PendingBlobsRig(PostgreSqlTicketStoreFactory.CreateDataSource(options), connectionString, budgetBytes);
        if (migrate)
        {
            await PostgreSqlTicketStoreFactory.MigrateAsync(rig.DataSource, null, default);
        }

        var storeOptions = new StoreOptions { DataDirectory = rig.temp.Path, Provider = StoreProvider.PostgreSql };
        rig.Archive = PostgreSqlTicketStoreFactory.OpenArchive(storeOptions, options, rig.DataSource, pending: rig.Pending);
        rig.Store = PostgreSqlTicketStoreFactory.Open(storeOptions, options, rig.Time, pendingBlobs: rig.Pending);
        return rig;
    }

    public async ValueTask DisposeAsync()
    {
        Store?.Dispose();
        await DataSource.DisposeAsync();
        temp.Dispose();
    }
}
