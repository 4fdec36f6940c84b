using ContactCenter.Core.Storage.Archive;
using Npgsql;

namespace ContactCenter.Stores.PostgreSql;

/// <summary>
/// The archived files the PostgreSQL store's records name: every <c>Sha256</c> field, however deep, in the tickets',
/// quarantined and held-spam documents (the same rule as the LiteDB store's <c>StoreBlobReferences</c>), distinct. An
/// attachment read from its original (<c>InOriginal</c>) needs that original, which its slice names, not a file of its own.
/// </summary>
public static class PostgreSqlArchiveReferences
{
    private const string Query = """
        SELECT DISTINCT sha FROM (
            SELECT jsonb_path_query(doc, 'strict $.** ? (exists(@.Sha256) && !exists(@.InOriginal)).Sha256') #>> '{}' AS sha
            FROM (SELECT doc FROM tickets UNION ALL SELECT doc FROM quarantine UNION ALL SELECT doc FROM spam) documents) named
        WHERE sha <> ''
        """;

    public static async Task<Sha256Set> ReadAsync(NpgsqlDataSource dataSource, CancellationToken cancellationToken)
    {
        var hashes = new Sha256Set();
        await using var db = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var command = new NpgsqlCommand(Query, db);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            hashes.Add(reader.GetString(0));
        }

        return hashes;
    }
}
