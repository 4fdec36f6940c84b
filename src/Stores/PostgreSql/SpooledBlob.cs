using System.Security.Cryptography;

namespace ContactCenter.Stores.PostgreSql;

/// <summary>
/// A large blob copied to a private temporary file (<see cref="BlobSpool"/>) and hashed on the way, so it can be written
/// to the database after the caller's stream is gone (<see cref="BlobWriteBehind"/>). Deleted when disposed.
/// </summary>
internal sealed class SpooledBlob : IAsyncDisposable
{
    private SpooledBlob(FileStream content, string sha256) => (Content, Sha256) = (content, sha256);

    public FileStream Content { get; }

    public string Sha256 { get; }

    public long Size => Content.Length;

    public static async Task<SpooledBlob> CopyAsync(ReadOnlyMemory<byte> head, Stream rest, CancellationToken cancellationToken)
    {
        var spool = BlobSpool.CreateEmpty();
        try
        {
            using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
            hash.AppendData(head.Span);
            await spool.WriteAsync(head, cancellationToken).ConfigureAwait(false);
            var buffer = new byte[81_920];
            int read;
            while ((read = await rest.ReadAsync(buffer, cancellationToken).ConfigureAwait(false)) > 0)
            {
                hash.AppendData(buffer, 0, read);
                await spool.WriteAsync(buffer.AsMemory(0, read), cancellationToken).ConfigureAwait(false);
            }

            await spool.FlushAsync(cancellationToken).ConfigureAwait(false);
            spool.Position = 0;
            return new SpooledBlob(spool, Convert.ToHexStringLower(hash.GetHashAndReset()));
        }
        catch
        {
            await spool.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    public ValueTask DisposeAsync() => Content.DisposeAsync();
}
