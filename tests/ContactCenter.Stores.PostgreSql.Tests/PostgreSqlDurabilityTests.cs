using ContactCenter.Core.Storage;
using ContactCenter.Stores.PostgreSql.Tests.Contract;
using ContactCenter.Testing.PostgreSql;
using ContactCenter.Testing.Storage;
using Npgsql;

namespace ContactCenter.Stores.PostgreSql.Tests;

/// <summary>A dispatch batch's commit waits for the disk even where the server's or database's default does not.</summary>
[Collection(PostgresFixture.Collection)]
public sealed class PostgreSqlDurabilityTests(PostgresFixture postgres)
{
    [Fact]
    public async Task Dispatch_DatabaseDefaultAsynchronousCommit_EachBatchStillWaitsForTheDisk()
    {
        const int Batches = 40;
        await using var s = await StoreUnderTest.CreateAsync(StoreProvider.PostgreSql, postgres);
        await using var admin = NpgsqlDataSource.Create(s.OwnerConnectionString);
        var database = new NpgsqlConnectionStringBuilder(s.OwnerConnectionString).Database;
        await using (var alter = admin.CreateCommand($"ALTER DATABASE \"{database}\" SET synchronous_commit = off"))
        {
            await alter.ExecuteNonQueryAsync();
        }

        var before = await WalFlushesAsync(admin);
        for (var i = 0; i < Batches; i++)
        {
            await s.Store.DispatchAsync([StoreRequests.Mail($"k{i}")], default);
        }

        // Each batch's connection ends with it (the fixture does not pool), reporting its statistics as it goes.
        await Task.Delay(TimeSpan.FromSeconds(2));
        (await WalFlushesAsync(admin) - before).Should().BeGreaterThanOrEqualTo(Batches);
        (await s.Store.QueryAsync(new TicketQuery(), default)).Should().HaveCount(Batches);
    }

    private static async Task<long> WalFlushesAsync(NpgsqlDataSource dataSource)
    {
        await using var command = dataSource.CreateCommand("SELECT wal_sync FROM pg_stat_wal");
        return (long)(await command.ExecuteScalarAsync())!;
    }
}
