using ContactCenter.Core.Storage;
using ContactCenter.Stores.PostgreSql.Tests.Contract;
using ContactCenter.Testing;
using ContactCenter.Testing.PostgreSql;
using Microsoft.Extensions.Time.Testing;
using Npgsql;

namespace ContactCenter.Stores.PostgreSql.Tests;

/// <summary>
/// A store on a fresh node database reached through a <see cref="RoundTripCounter"/>, with pooled connections as in
/// service (the contract stores open a connection for each call), so a connection outlives the batch it served.
/// </summary>
internal sealed class PooledStore : IAsyncDisposable
{
    private readonly TempDirectory _temp = new("cc-pooled");
    private readonly string _ownerConnectionString;

    private PooledStore(RoundTripCounter relay, string connectionString)
    {
        Relay = relay;
        _ownerConnectionString = new NpgsqlConnectionStringBuilder(connectionString) { Username = PostgresServer.User, Pooling = false }.ConnectionString;
        var options = new StoreOptions { DataDirectory = _temp.Combine("data"), TicketPrefix = "PC", Provider = StoreProvider.PostgreSql };
        Store = PostgreSqlTicketStoreFactory.Open(options, new PostgreSqlStoreOptions { ConnectionString = connectionString },
            new FakeTimeProvider(new DateTimeOffset(2026, 3, 10, 9, 30, 0, TimeSpan.Zero)), webhooks: StoreUnderTest.DefaultWebhooks);
    }

    public RoundTripCounter Relay { get; }

    public ITicketStore Store { get; }

    public static async Task<PooledStore> CreateAsync(PostgresFixture postgres, int maxPoolSize = 100)
    {
        var relay = new RoundTripCounter(postgres.Server.Port);
        var connectionString = new NpgsqlConnectionStringBuilder(await StoreUnderTest.AsNodeAsync(postgres.Server))
        {
            Port = relay.Port,
            Pooling = true,
            MaxPoolSize = maxPoolSize,
        }.ConnectionString;
        return new PooledStore(relay, connectionString);
    }

    /// <summary>Runs <paramref name="sql"/> as the database's owner, beside the store's own connections.</summary>
    public async Task AsOwnerAsync(string sql)
    {
        await using var dataSource = NpgsqlDataSource.Create(_ownerConnectionString);
        await dataSource.ScalarAsync(sql);
    }

    public async ValueTask DisposeAsync()
    {
        Store.Dispose();
        await Relay.DisposeAsync();
        _temp.Dispose();
    }
}
