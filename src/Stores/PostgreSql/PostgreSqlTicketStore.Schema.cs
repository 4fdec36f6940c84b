using Npgsql;

namespace ContactCenter.Stores.PostgreSql;

internal sealed partial class PostgreSqlTicketStore
{
    /// <summary>A connection to a database whose schema is current (the first call migrates it: <see cref="SchemaGate"/>).</summary>
    private async Task<NpgsqlConnection> OpenAsync(CancellationToken cancellationToken)
    {
        await _schema.EnsureAsync(cancellationToken).ConfigureAwait(false);
        return await _dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
    }
}
