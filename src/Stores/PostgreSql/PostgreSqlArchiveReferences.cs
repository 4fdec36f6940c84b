using System.Globalization;
using System.Runtime.CompilerServices;
using ContactCenter.Core.Storage.Archive;
using ContactCenter.Core.Tickets;
using Npgsql;

namespace ContactCenter.Stores.PostgreSql;

/// <summary>
/// The archived files the PostgreSQL store's records name: every <c>Sha256</c> field, however deep, in the tickets',
/// quarantined and held-spam documents (the same rule as the LiteDB store's <c>StoreBlobReferences</c>), distinct. An
/// attachment read from its original (<c>InOriginal</c>) needs that original, which its slice names, not a file of its own.
/// </summary>
public static class PostgreSqlArchiveReferences
{
    // Every document that may name an archived file: the tickets', quarantined and held-spam records.
    private const string Documents = "(SELECT doc FROM tickets UNION ALL SELECT doc FROM quarantine UNION ALL SELECT doc FROM spam) documents";

    private const string Query = $$"""
        SELECT DISTINCT sha FROM (
            SELECT jsonb_path_query(doc, 'strict $.** ? (exists(@.Sha256) && !exists(@.InOriginal)).Sha256') #>> '{}' AS sha
            FROM {{Documents}}) named
        WHERE sha <> ''
        """;

    // Each attachment read from its original, once however many documents name it; an original's slices together, so
    // the audit reads it once for them all.
    private const string SlicesQuery = $$"""
        SELECT DISTINCT a ->> 'Sha256', a #>> '{InOriginal,Sha256}', a #>> '{InOriginal,Start}', a #>> '{InOriginal,End}', a #>> '{InOriginal,Encoding}'
        FROM (
            SELECT jsonb_path_query(doc, 'strict $.** ? (exists(@.Sha256) && exists(@.InOriginal))') AS a
            FROM {{Documents}}) attachments
        ORDER BY 2, 3
        """;

    /// <summary>The attachments read from a slice of their original (<c>InOriginal</c>), for <c>store verify</c> to decode.</summary>
    public static async IAsyncEnumerable<TicketAttachment> ReadSlicesAsync(
        NpgsqlDataSource dataSource, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await using var db = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var command = new NpgsqlCommand(SlicesQuery, db);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            yield return new TicketAttachment
            {
                Sha256 = reader.IsDBNull(0) ? "" : reader.GetString(0),
                InOriginal = new OriginalSlice
                {
                    Sha256 = reader.IsDBNull(1) ? "" : reader.GetString(1),
                    // A record that is not a number reads as -1: the audit reports the slice as unreadable.
                    Start = Number(reader, 2),
                    End = Number(reader, 3),
                    Encoding = reader.IsDBNull(4) ? "" : reader.GetString(4),
                },
            };
        }
    }

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

    private static long Number(NpgsqlDataReader reader, int column) =>
        !reader.IsDBNull(column) && long.TryParse(reader.GetString(column), NumberStyles.None, CultureInfo.InvariantCulture, out var value) ? value : -1;
}
