using System.Buffers;
using System.Data;
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
/// and every node reads them. Without <paramref name="pending"/> each blob commits synchronously before
/// <see cref="StoreAsync"/> returns (durable on return). With it a blob up to <see cref="InMemoryLimit"/> is only hashed
/// and held in memory while the budget allows: the first write that refers to it (its ticket batch, a quarantine or spam
/// record) inserts it in its own transaction (see <see cref="PendingBlobs"/>), and until then this archive reads it from
/// memory. Past the budget, a blob commits asynchronously at once and is made durable by the synchronous commit of the
/// write that refers to it; a larger one is hashed into a private temporary file and written so in the background
/// (<see cref="BlobWriteBehind"/>), which that write waits for first. Bytes such a write already made durable are not
/// sent again. A blob up to <see cref="InMemoryLimit"/> written at once is one round trip (an insert that does nothing
/// when the bytes are already there, no lookup first); a larger one is streamed (<see cref="LargeBlobWriter"/> without
/// <paramref name="pending"/>) and read back through a private temporary file.
/// </summary>
internal sealed class DatabaseContentArchive(NpgsqlDataSource dataSource, ILogger logger, PendingBlobs? pending = null) : IContentArchive
{
    /// <summary>The most bytes of one blob held in memory.</summary>
    internal const int InMemoryLimit = 1024 * 1024;

    private readonly BlobWriteBehind _writeBehind = new(dataSource, logger);
    private readonly SchemaGate _schema = new(dataSource, logger);

    public async Task<TicketAttachment> StoreAsync(Stream content, string fileName, string contentType, CancellationToken cancellationToken)
    {
        var mode = pending is null ? "on" : "off";
        var buffer = ArrayPool<byte>.Shared.Rent(InMemoryLimit + 1);
        (string Sha256, long Size, bool Inserted) stored;
        try
        {
            // The first write may come before the store's first statement (`ingest --once` on a new database).
            await _schema.EnsureAsync(cancellationToken).ConfigureAwait(false);
            var read = await content.ReadAtLeastAsync(buffer.AsMemory(0, InMemoryLimit + 1), InMemoryLimit + 1, throwOnEndOfStream: false, cancellationToken)
                .ConfigureAwait(false);
            stored = read <= InMemoryLimit ? await StoreSmallAsync(new ArraySegment<byte>(buffer, 0, read), mode, cancellationToken).ConfigureAwait(false)
                : pending is null ? await LargeBlobWriter.StoreAsync(dataSource, buffer.AsMemory(0, read), content, cancellationToken).ConfigureAwait(false)
                : await StoreBehindAsync(pending, buffer.AsMemory(0, read), content, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is NpgsqlException || StorageUnavailableException.IsFileSystemFault(ex))
        {
            // The database down or full (or the spool under the content): the item is not at fault and stays at its source.
            throw new StorageUnavailableException($"The database could not store {SafeFileName.From(fileName)}: {ex.Message}", ex);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }

        if (pending is not null && !pending.IsDurable(stored.Sha256))
        {
            pending.Add(stored.Sha256); // held, written now or found there: either may be an asynchronous commit not yet flushed
        }

        PostgreSqlStoreLog.Archived(logger, stored.Sha256, stored.Size, stored.Inserted);
        return new TicketAttachment
        {
            FileName = SafeFileName.From(fileName),
            ContentType = string.IsNullOrWhiteSpace(contentType) ? "application/octet-stream" : contentType.Trim(),
            Size = stored.Size,
            Sha256 = stored.Sha256,
        };
    }

    private async Task<(string, long, bool)> StoreSmallAsync(ArraySegment<byte> content, string mode, CancellationToken cancellationToken)
    {
        var sha256 = Convert.ToHexStringLower(SHA256.HashData(content));
        if (pending is not null && (pending.IsDurable(sha256) || pending.TryHold(sha256, content)))
        {
            return (sha256, content.Count, false);
        }

        await using var db = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        return (sha256, content.Count, await BlobInsert.ExecuteAsync(db, sha256, content.Count, content, mode, cancellationToken).ConfigureAwait(false));
    }

    private async Task<(string, long, bool)> StoreBehindAsync(PendingBlobs pending, ReadOnlyMemory<byte> head, Stream rest, CancellationToken cancellationToken)
    {
        var blob = await SpooledBlob.CopyAsync(head, rest, cancellationToken).ConfigureAwait(false);
        var (sha256, size) = (blob.Sha256, blob.Size);
        if (pending.IsDurable(sha256) || !pending.TryStartWriting(sha256, () => _writeBehind.Start(blob)))
        {
            await blob.DisposeAsync().ConfigureAwait(false); // stored, or being stored, already
            return (sha256, size, false);
        }

        return (sha256, size, true);
    }

    /// <summary>
    /// Throws <see cref="ArgumentException"/> for a malformed digest, <see cref="FileNotFoundException"/> when absent,
    /// <see cref="StorageUnavailableException"/> when its background write failed. Waits for that write.
    /// </summary>
    public Stream OpenRead(string sha256)
    {
        var hash = Sha256Hex.Validate(sha256);
        if (pending?.Held(hash) is { } held)
        {
            return new MemoryStream(held, writable: false);
        }

        pending?.WhenWrittenAsync(hash).GetAwaiter().GetResult();

        using var db = dataSource.OpenConnection();
        using var command = Sql.Command(db, "SELECT size, content FROM blobs WHERE sha256 = @h", ("h", hash));
        // Sequential: the content is read off the connection as it comes, so a large one is never whole in memory.
        using var reader = command.ExecuteReader(CommandBehavior.SequentialAccess | CommandBehavior.SingleRow);
        if (!reader.Read())
        {
            throw new FileNotFoundException($"No archived content {hash}.");
        }

        if (reader.GetInt64(0) <= InMemoryLimit)
        {
            return new MemoryStream(reader.GetFieldValue<byte[]>(1), writable: false);
        }

        using var content = reader.GetStream(1);
        return BlobSpool.Copy(content);
    }

    public bool Contains(string sha256)
    {
        var hash = Sha256Hex.Validate(sha256);
        if (pending?.Held(hash) is not null)
        {
            return true;
        }

        pending?.WhenWrittenAsync(hash).GetAwaiter().GetResult();
        using var db = dataSource.OpenConnection();
        using var command = Sql.Command(db, "SELECT EXISTS (SELECT 1 FROM blobs WHERE sha256 = @h)", ("h", hash));
        return command.ExecuteScalar() is true;
    }
}
