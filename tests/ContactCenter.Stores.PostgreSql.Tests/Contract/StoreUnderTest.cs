using ContactCenter.Core.Storage;
using ContactCenter.Stores.PostgreSql.Schema;
using ContactCenter.Testing;
using ContactCenter.Testing.PostgreSql;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Npgsql;

namespace ContactCenter.Stores.PostgreSql.Tests.Contract;

/// <summary>
/// A real store of either provider with a fake clock: a LiteDB file in a temp folder, or a fresh database on the test
/// cluster. Reopenable to prove what survives; <see cref="OpenAnother"/> gives a second node on the same data (PostgreSQL).
/// </summary>
internal sealed class StoreUnderTest : IAsyncDisposable
{
    private readonly TempDirectory _temp = new("cc-contract");
    private readonly List<ITicketStore> _others = [];

    /// <summary>The webhooks every contract store queues for unless a test asks for none.</summary>
    public static readonly WebhookSubscriptions DefaultWebhooks = new([
        new("crm", new HashSet<string> { WebhookEventTypes.TicketCreated, WebhookEventTypes.TicketUpdated }),
        new("stats", new HashSet<string> { WebhookEventTypes.TicketCreated }),
    ]);

    private StoreUnderTest(StoreProvider provider, string? connectionString, WebhookSubscriptions? webhooks)
    {
        Provider = provider;
        Webhooks = webhooks;
        Options = new StoreOptions { DataDirectory = _temp.Combine("data"), TicketPrefix = "PC", Provider = provider };
        PostgreSql = connectionString is null ? null : new PostgreSqlStoreOptions { ConnectionString = connectionString };
        Store = Open();
    }

    public StoreProvider Provider { get; }

    public FakeTimeProvider Time { get; } = new(new DateTimeOffset(2026, 3, 10, 9, 30, 0, TimeSpan.Zero));

    public StoreOptions Options { get; }

    public PostgreSqlStoreOptions? PostgreSql { get; }

    /// <summary>The database as its owner (the store itself runs as a least-privilege node), for what an administrator does.</summary>
    public string OwnerConnectionString => new NpgsqlConnectionStringBuilder(PostgreSql!.ConnectionString) { Username = PostgresServer.User }.ConnectionString;

    public ITicketStore Store { get; private set; }

    public WebhookSubscriptions? Webhooks { get; }

    public static async Task<StoreUnderTest> CreateAsync(StoreProvider provider, PostgresFixture postgres) =>
        await CreateAsync(provider, postgres, DefaultWebhooks);

    public static async Task<StoreUnderTest> CreateAsync(StoreProvider provider, PostgresFixture postgres, WebhookSubscriptions? webhooks) =>
        new(provider, provider == StoreProvider.PostgreSql ? await AsNodeAsync(postgres.Server) : null, webhooks);

    /// <summary>
    /// A fresh database as a least-privilege node finds it (the schema migrated by its owner, README's grants): every
    /// promise of the contract must hold for a role that may use the tables but not change the schema.
    /// </summary>
    internal static Task<string> AsNodeAsync(PostgresServer server) => server.CreateNodeDatabaseAsync(async owner =>
    {
        await using var dataSource = NpgsqlDataSource.Create(owner);
        await SchemaMigrator.MigrateAsync(dataSource, NullLogger.Instance, default);
    });

    public ITicketStore Reopen()
    {
        Store.Dispose();
        Store = Open();
        return Store;
    }

    /// <summary>Another process on the same database (PostgreSQL only: a LiteDB file has one owner).</summary>
    public ITicketStore OpenAnother()
    {
        var store = PostgreSqlTicketStoreFactory.Open(Options, PostgreSql!, Time, webhooks: Webhooks);
        _others.Add(store);
        return store;
    }

    private ITicketStore Open() => PostgreSql is null
        ? TicketStoreFactory.Open(Options, Time, webhooks: Webhooks)
        : PostgreSqlTicketStoreFactory.Open(Options, PostgreSql, Time, webhooks: Webhooks);

    public ValueTask DisposeAsync()
    {
        Store.Dispose();
        _others.ForEach(s => s.Dispose());
        _temp.Dispose();
        return ValueTask.CompletedTask;
    }
}
