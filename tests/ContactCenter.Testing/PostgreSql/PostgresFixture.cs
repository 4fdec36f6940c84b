using Xunit;

namespace ContactCenter.Testing.PostgreSql;

/// <summary>
/// One PostgreSQL cluster for a whole xUnit collection. xUnit needs the collection definition in the test assembly:
/// <c>[CollectionDefinition(PostgresFixture.Collection)] public sealed class PostgresCollection : ICollectionFixture&lt;PostgresFixture&gt;;</c>
/// </summary>
public sealed class PostgresFixture : IAsyncLifetime
{
    public const string Collection = "PostgreSql";

    private PostgresServer? _server;

    public PostgresServer Server => _server ?? throw new InvalidOperationException("PostgreSQL is not started");

    public async Task InitializeAsync() => _server = await PostgresServer.CreateAsync().ConfigureAwait(false);

    public async Task DisposeAsync()
    {
        if (_server is not null)
        {
            await _server.DisposeAsync().ConfigureAwait(false);
        }
    }
}
