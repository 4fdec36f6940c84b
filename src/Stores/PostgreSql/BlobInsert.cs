using Npgsql;
using NpgsqlTypes;

namespace ContactCenter.Stores.PostgreSql;

/// <summary>
/// One blob inserted in one round trip under its sha256, nothing done when those bytes are already stored. All three
/// statements run in the implicit transaction that ends at the batch's Sync, so the settings (local to it) decide how
/// that commit waits for the disk, and that the insert is planned without its bytes (<see cref="Sql.GenericPlans"/>).
/// </summary>
internal static class BlobInsert
{
    /// <param name="content">The bytes, in memory or a stream the server is sent as it is read.</param>
    /// <returns>Whether this call stored them.</returns>
    public static async Task<bool> ExecuteAsync(NpgsqlConnection db, string sha256, long size, object content, string synchronousCommit,
        CancellationToken cancellationToken)
    {
        var insert = Sql.BatchCommand("INSERT INTO blobs (sha256, size, content) VALUES (@h, @s, @c) ON CONFLICT (sha256) DO NOTHING", ("h", sha256), ("s", size));
        insert.Parameters.Add(new NpgsqlParameter("c", NpgsqlDbType.Bytea) { Value = content });
        await using var batch = new NpgsqlBatch(db)
        {
            BatchCommands =
            {
                Sql.BatchCommand("SELECT set_config('synchronous_commit', @mode, true)", ("mode", synchronousCommit)),
                Sql.BatchCommand(Sql.GenericPlans),
                insert,
            },
        };
        await batch.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        return insert.RecordsAffected == 1;
    }
}
