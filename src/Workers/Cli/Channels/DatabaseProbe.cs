using ContactCenter.Stores.PostgreSql;
using Npgsql;

namespace ContactCenter.Workers.Cli.Channels;

/// <summary>
/// The PostgreSQL store, checked as the service will use it: connects and logs in with the configured credentials
/// and TLS, and reads the schema version (behind is fine, the service migrates at start; ahead is not).
/// </summary>
internal static class DatabaseProbe
{
    public static async Task<CheckResult> CheckAsync(NpgsqlDataSource dataSource, CancellationToken cancellationToken)
    {
        const string Subject = "store (PostgreSql)";
        try
        {
            await using var db = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
            var version = await PostgreSqlTicketStoreFactory.SchemaVersionAsync(db, cancellationToken).ConfigureAwait(false);
            var latest = PostgreSqlTicketStoreFactory.LatestSchemaVersion;
            await using var tls = new NpgsqlCommand("SELECT coalesce((SELECT ssl FROM pg_stat_ssl WHERE pid = pg_backend_pid()), false)", db);
            var where = $"{db.Host}:{db.Port}, database {db.Database} as {db.UserName}, PostgreSQL {db.PostgreSqlVersion}, "
                + (await tls.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) is true ? "TLS" : "no TLS");
            return version > latest
                ? CheckResult.Fail(Subject, $"{where}: schema version {version} is newer than this program knows ({latest}): upgrade the program on this node.")
                : CheckResult.Ok(Subject, $"{where}; schema version {version} of {latest}" + (version < latest ? " (migrated when the service starts)" : ""));
        }
        catch (NpgsqlException ex) when (StoreUnreachable.Describe(ex) is { } reason)
        {
            return CheckResult.Fail(Subject, reason);
        }
    }
}
