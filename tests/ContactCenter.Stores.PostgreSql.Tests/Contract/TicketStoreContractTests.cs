using ContactCenter.Core.Storage;
using ContactCenter.Core.Storage.LiteDb;
using ContactCenter.Testing.PostgreSql;

namespace ContactCenter.Stores.PostgreSql.Tests.Contract;

/// <summary>
/// The store's contract, run against both providers: a LiteDB file and a real PostgreSQL 15 database (no mocks).
/// Each test gets a fresh store; the file-per-area parts of this class cover dispatch, numbering, outbox, quarantine,
/// queries and the mode.
/// </summary>
[Collection(PostgresFixture.Collection)]
public sealed partial class TicketStoreContractTests(PostgresFixture postgres)
{
    public static TheoryData<StoreProvider> Providers => new() { StoreProvider.LiteDb, StoreProvider.PostgreSql };

    private Task<StoreUnderTest> OpenAsync(StoreProvider provider) => StoreUnderTest.CreateAsync(provider, postgres);

    private static async Task<bool> IsKnownAsync(ITicketStore store, string sourceKey) =>
        (await store.FindKnownSourcesAsync([sourceKey], default)).ContainsKey(sourceKey);

    private static Task<IReadOnlyList<AutoMailRecord>> ListAutoMailAsync(ITicketStore store) => store switch
    {
        LiteDbTicketStore lite => lite.ListAutoMailAsync(default),
        PostgreSqlTicketStore pg => pg.ListAutoMailAsync(default),
        _ => throw new NotSupportedException(store.GetType().Name),
    };
}
