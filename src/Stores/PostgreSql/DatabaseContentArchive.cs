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
/// and every node reads them. Each blob commits on its own before <see cref="StoreAsync"/> returns. Without
/// <paramref name="pending"/> that commit is synchronous (durable on return). With it the commit is asynchronous and the
/// blob is made durable by the synchronous commit of the ticket batch that refers to it (see <see cref="PendingBlobs"/>).
/// </summary>
internal sealed class DatabaseContentArchive(NpgsqlDataSource dataSource, ILogger logger, PendingBlobs? pending = null) : IContentArchive
{
    public async Task<TicketAttachment> StoreAsync(Stream content, string fileName, string contentType, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        await content.CopyToAsync(buffer, cancellationToken).ConfigureAwait(false);
        var bytes = buffer.GetBuffer().AsMemory(0, (int)buffer.Length);
        var sha256 = Convert.ToHexStringLower(SHA256.HashData(bytes.Span));
        await using (var db = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false))
        {
            await using var transaction = await db.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
            await Sql.ExecuteAsync(db, pending is null ? "SET LOCAL synchronous_commit = on" : "SET LOCAL synchronous_commit = off", cancellationToken)
                .ConfigureAwait(false);
            var inserted = await Sql.ExecuteAsync(db, "INSERT INTO blobs (sha256, size, content) VALUES (@h, @s, @c) ON CONFLICT (sha256) DO NOTHING",
                cancellationToken, ("h", sha256), ("s", buffer.Length), ("c", bytes.ToArray())).ConfigureAwait(false);
            await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
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
