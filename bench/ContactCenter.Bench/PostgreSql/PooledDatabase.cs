using ContactCenter.Testing.PostgreSql;
using Npgsql;

namespace ContactCenter.Bench.PostgreSql;

/// <summary>
/// A new database on the bench's server, with connection pooling on as in every real deployment. The test fixture's
/// connection strings turn pooling off (tests drop databases and stop the server under open sessions); measured with
/// them, every store call paid for a new server process and the rows timed connection set-up, not the store.
/// </summary>
internal static class PooledDatabase
{
    public static async Task<string> CreateAsync(PostgresServer server, CancellationToken cancellationToken) =>
        new NpgsqlConnectionStringBuilder(await server.CreateDatabaseAsync(cancellationToken)) { Pooling = true }.ConnectionString;
}
