using ContactCenter.Stores.PostgreSql.Schema;
using Npgsql;

namespace ContactCenter.Stores.PostgreSql;

internal sealed partial class PostgreSqlTicketStore
{
    private readonly SemaphoreSlim _schemaGate = new(1, 1);
    private volatile bool _schemaReady;

    /// <summary>
    /// A connection to a database whose schema is current: the first call migrates it (once per process, under the
    /// cluster-wide advisory lock). A failure is not remembered, so a database that was down at start is migrated on
    /// the first call after it is back.
    /// </summary>
    private async Task<NpgsqlConnection> OpenAsync(CancellationToken cancellationToken)
    {
        if (!_schemaReady)
        {
            await _schemaGate.WaitAsync(cancellationToken).ConfigureAwait(false);
            try
            {
                if (!_schemaReady)
                {
                    await SchemaMigrator.MigrateAsync(_dataSource, _logger, cancellationToken).ConfigureAwait(false);
                    _schemaReady = true;
                }
            }
            finally
            {
                _schemaGate.Release();
            }
        }

        return await _dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
    }
}
