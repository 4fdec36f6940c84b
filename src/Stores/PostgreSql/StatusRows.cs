using Npgsql;

namespace ContactCenter.Stores.PostgreSql;

/// <summary>
/// Rows whose <c>status</c> column mirrors their document's (quarantine, spam): an operator's act writes only if the
/// status is still the one it read. The test is in the UPDATE itself, so the row lock makes a concurrent dispatch or
/// act wait, then see the new status.
/// </summary>
internal static class StatusRows
{
    /// <summary>False when the status changed meanwhile; <see cref="KeyNotFoundException"/> when there is no such row.</summary>
    public static async Task<bool> UpdateAsync(
        NpgsqlConnection db, string table, long id, string status, Sql.Json doc, string expected, CancellationToken cancellationToken)
    {
        var changed = await Sql.ExecuteAsync(db, $"UPDATE {table} SET status = @status, doc = @doc WHERE id = @id AND status = @expected", cancellationToken,
            ("status", status), ("doc", doc), ("id", id), ("expected", expected)).ConfigureAwait(false);
        if (changed == 0 && await Sql.ScalarAsync(db, $"SELECT 1 FROM {table} WHERE id = @id", cancellationToken, ("id", id)).ConfigureAwait(false) is null)
        {
            throw new KeyNotFoundException($"No {table} record {id}.");
        }

        return changed == 1;
    }
}
