using System.Security.Cryptography;
using ContactCenter.Core.Intake;
using ContactCenter.Core.Storage;
using ContactCenter.Core.Storage.Archive;
using ContactCenter.Core.Tickets;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace ContactCenter.Stores.PostgreSql;

/// <summary>
/// Originals and attachments in the <c>blobs</c> table, content-addressed by sha256 so the same bytes are stored once
/// and every node reads them. Each blob commits on its own before <see cref="StoreAsync"/> returns, in one round trip
/// (an insert that does nothing when the bytes are already there, no lookup first). Without
/// <paramref name="pending"/> that commit is synchronous (durable on return). With it the commit is asynchronous and the
/// blob is made durable by the synchronous commit of the ticket batch that refers to it (see <see cref="PendingBlobs"/>).
/// </summary>
internal sealed class DatabaseContentArchive(NpgsqlDataSource dataSource, ILogger logger, PendingBlobs? pending = null) : IContentArchive
{
    public async Task<TicketAttachment> StoreAsync(Stream content, string fileName, string contentType, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        await content.CopyToAsync(buffer, cancellationToken).ConfigureAwait(false);
        var sha256 = Convert.ToHexStringLower(SHA256.HashData(buffer.GetBuffer().AsSpan(0, (int)buffer.Length)));
        await using (var db = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false))
        {
            // One round trip: both statements run in the implicit transaction that ends at the batch's Sync, so the
            // setting (local to it) decides how that commit waits for the disk.
            await using var batch = new NpgsqlBatch(db)
            {
                BatchCommands =
                {
                    Sql.BatchCommand("SELECT set_config('synchronous_commit', @mode, true)", ("mode", pending is null ? "on" : "off")),
                    Sql.BatchCommand("INSERT INTO blobs (sha256, size, content) VALUES (@h, @s, @c) ON CONFLICT (sha256) DO NOTHING",
                        ("h", sha256), ("s", buffer.Length), ("c", new ArraySegment<byte>(buffer.GetBuffer(), 0, (int)buffer.Length))),
                },
            };
            await batch.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            var inserted = batch.BatchCommands[1].RecordsAffected;
            pending?.Add(sha256);
            PostgreSqlStoreLog.Archived(logger, sha256, buffer.Length, inserted == 1);
        }

        return new TicketAttachment
        {
            FileName = SafeFileName.From(fileName),
            ContentType = string.IsNullOrWhiteSpace(contentType) ? "application/octet-stream" : contentType.Trim(),
            Size = buffer.Length,
            Sha256 = sha256,
        };
    }

    /// <summary>Throws <see cref="ArgumentException"/> for a malformed digest, <see cref="FileNotFoundException"/> when absent.</summary>
    public Stream OpenRead(string sha256)
    {
        var hash = Sha256Hex.Validate(sha256);
        using var db = dataSource.OpenConnection();
        using var command = Sql.Command(db, "SELECT content FROM blobs WHERE sha256 = @h", ("h", hash));
        return command.ExecuteScalar() is byte[] content
            ? new MemoryStream(content, writable: false)
            : throw new FileNotFoundException($"No archived content {hash}.");
    }

    public bool Contains(string sha256)
    {
        var hash = Sha256Hex.Validate(sha256);
        using var db = dataSource.OpenConnection();
        using var command = Sql.Command(db, "SELECT EXISTS (SELECT 1 FROM blobs WHERE sha256 = @h)", ("h", hash));
        return command.ExecuteScalar() is true;
    }
}
