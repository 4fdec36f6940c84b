using ContactCenter.Core.Storage;
using ContactCenter.Testing;
using ContactCenter.Testing.PostgreSql;
using Microsoft.Extensions.Time.Testing;

namespace ContactCenter.Stores.PostgreSql.Tests.Contract;

/// <summary>
/// A real store of either provider with a fake clock: a LiteDB file in a temp folder, or a fresh database on the test
/// cluster. Reopenable to prove what survives; <see cref="OpenAnother"/> gives a second node on the same data (PostgreSQL).
/// </summary>
internal sealed class StoreUnderTest : IAsyncDisposable
{
    private readonly TempDirectory _temp = new("cc-contract");
    private readonly List<ITicketStore> _others = [];

    private StoreUnderTest(StoreProvider provider, string? connectionString)
    {
        Provider = provider;
        Options = new StoreOptions { DataDirectory = _temp.Combine("data"), TicketPrefix = "PC", Provider = provider };
        PostgreSql = connectionString is null ? null : new PostgreSqlStoreOptions { ConnectionString = connectionString };
        Store = Open();
    }

    public StoreProvider Provider { get; }

    public FakeTimeProvider Time { get; } = new(new DateTimeOffset(2026, 3, 10, 9, 30, 0, TimeSpan.Zero));

    public StoreOptions Options { get; }

    public PostgreSqlStoreOptions? PostgreSql { get; }

    public ITicketStore Store { get; private set; }

    public static async Task<StoreUnderTest> CreateAsync(StoreProvider provider, PostgresFixture postgres) =>
        new(provider, provider == StoreProvider.PostgreSql ? await postgres.Server.CreateDatabaseAsync() : null);

    public ITicketStore Reopen()
    {
        Store.Dispose();
        Store = Open();
        return Store;
    }

    /// <summary>Another process on the same database (PostgreSQL only: a LiteDB file has one owner).</summary>
    public ITicketStore OpenAnother()
    {
        var store = PostgreSqlTicketStoreFactory.Open(Options, PostgreSql!, Time);
        _others.Add(store);
        return store;
    }

    private ITicketStore Open() => PostgreSql is null
        ? TicketStoreFactory.Open(Options, Time)
        : PostgreSqlTicketStoreFactory.Open(Options, PostgreSql, Time);

    public ValueTask DisposeAsync()
    {
        Store.Dispose();
        _others.ForEach(s => s.Dispose());
        _temp.Dispose();
        return ValueTask.CompletedTask;
    }
}
