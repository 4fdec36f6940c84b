using Npgsql;

namespace ContactCenter.Stores.PostgreSql;

/// <summary>How the values of <c>shared_keys</c> rest: how many under each key identifier ("" for values stored as given).</summary>
internal static class SharedKeysSealing
{
    /// <summary>Counts by key identifier; null before the table exists (a schema the service has not migrated yet).</summary>
    public static async Task<IReadOnlyDictionary<string, long>?> CountAsync(NpgsqlDataSource dataSource, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var command = Sql.Command(connection,
            "SELECT CASE WHEN starts_with(value, @prefix) THEN split_part(value, ':', 2) ELSE '' END, count(*) FROM shared_keys GROUP BY 1",
            ("prefix", SharedKeysCipher.Prefix));
        try
        {
            await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            var counts = new Dictionary<string, long>(StringComparer.Ordinal);
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                counts[reader.GetString(0)] = reader.GetInt64(1);
            }

            return counts;
        }
        catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.UndefinedTable)
        {
            return null;
        }
    }
}
