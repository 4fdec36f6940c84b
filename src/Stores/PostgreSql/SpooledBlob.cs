using System.Security.Cryptography;
using ContactCenter.Core.Storage.Archive;

namespace ContactCenter.Stores.PostgreSql;

/// <summary>
/// A large blob copied to a private temporary file (<see cref="BlobSpool"/>) and hashed on the way (<see cref="HashingCopy"/>), so it can be written
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
            spool.Write(head.Span);
            await HashingCopy.CopyAsync(rest, spool, hash, cancellationToken).ConfigureAwait(false);
            spool.Flush();
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
