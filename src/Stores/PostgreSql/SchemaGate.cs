using ContactCenter.Stores.PostgreSql.Schema;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace ContactCenter.Stores.PostgreSql;

/// <summary>
/// Brings the schema up to date before its owner's first statement: once per owner and process, under the cluster-wide
/// advisory lock. A failure is not remembered, so a database that was down at start is migrated on the first call after
/// it is back. The store and the archive each hold one, since either may be the first to write (a large original is
/// archived before its ticket is dispatched).
/// </summary>
internal sealed class SchemaGate(NpgsqlDataSource dataSource, ILogger logger)
{
    private readonly SemaphoreSlim gate = new(1, 1);
    private volatile bool ready;

    public async ValueTask EnsureAsync(CancellationToken cancellationToken)
    {
        if (ready)
        {
            return;
        }

        await gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (!ready)
            {
                await SchemaMigrator.MigrateAsync(dataSource, logger, cancellationToken).ConfigureAwait(false);
                ready = true;
            }
        }
        finally
        {
            gate.Release();
        }
    }
}
