using Npgsql;
using NpgsqlTypes;

namespace ContactCenter.Stores.PostgreSql;

/// <summary>
/// Writes a blob too large to hold in memory: streamed to the server under a placeholder key while it is hashed, then
/// renamed to its sha256 in the same transaction (the content is not copied again: the row keeps its TOAST pointer),
/// or dropped there when those bytes are already stored. Nobody ever sees the placeholder. A stream that cannot tell
/// its length is spooled to a private temporary file first, since the server must be told the length up front. Used
/// without pending blobs (each archived blob durable on return): with them, a large blob is written behind instead.
/// </summary>
internal static class LargeBlobWriter
{
    /// <returns>The blob's digest and size, and whether this call stored it (false: the bytes were there already).</returns>
    public static async Task<(string Sha256, long Size, bool Inserted)> StoreAsync(NpgsqlDataSource dataSource, ReadOnlyMemory<byte> head, Stream rest,
        CancellationToken cancellationToken)
    {
        if (rest.CanSeek)
        {
            return await WriteAsync(dataSource, head, rest, cancellationToken).ConfigureAwait(false);
        }

        var spool = await BlobSpool.CopyAsync(rest, cancellationToken).ConfigureAwait(false);
        await using (spool.ConfigureAwait(false))
        {
            return await WriteAsync(dataSource, head, spool, cancellationToken).ConfigureAwait(false);
        }
    }

    private static async Task<(string, long, bool)> WriteAsync(NpgsqlDataSource dataSource, ReadOnlyMemory<byte> head, Stream rest, CancellationToken cancellationToken)
    {
        var content = new HashingReadStream(head, rest, head.Length + rest.Length - rest.Position);
        await using (content.ConfigureAwait(false))
        {
            return await WriteAsync(dataSource, content, cancellationToken).ConfigureAwait(false);
        }
    }

    private static async Task<(string, long, bool)> WriteAsync(NpgsqlDataSource dataSource, HashingReadStream content, CancellationToken cancellationToken)
    {
        var placeholder = "partial-" + Guid.NewGuid().ToString("N");
        await using var db = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await db.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        var insert = Sql.BatchCommand("INSERT INTO blobs (sha256, size, content) VALUES (@p, @s, @c)", ("p", placeholder), ("s", content.Length));
        insert.Parameters.Add(new NpgsqlParameter("c", NpgsqlDbType.Bytea) { Value = content });
        await Sql.ExecuteBatchAsync(db,
            [Sql.BatchCommand(Sql.SynchronousCommitOn), Sql.BatchCommand(Sql.GenericPlans), insert], cancellationToken)
            .ConfigureAwait(false);
        var sha256 = content.Sha256();
        try
        {
            await using var batch = new NpgsqlBatch(db)
            {
                BatchCommands =
                {
                    Sql.BatchCommand("DELETE FROM blobs WHERE sha256 = @p AND EXISTS (SELECT 1 FROM blobs WHERE sha256 = @h)", ("p", placeholder), ("h", sha256)),
                    Sql.BatchCommand("UPDATE blobs SET sha256 = @h WHERE sha256 = @p", ("p", placeholder), ("h", sha256)),
                },
            };
            await batch.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
            return (sha256, content.Length, batch.BatchCommands[1].RecordsAffected == 1);
        }
        catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.UniqueViolation)
        {
            // Another writer stored the same bytes between our check and our rename (and committed): theirs stand.
            await transaction.RollbackAsync(cancellationToken).ConfigureAwait(false);
            return (sha256, content.Length, false);
        }
    }
}
