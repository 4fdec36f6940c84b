using System.Buffers;
using System.Security.Cryptography;

namespace ContactCenter.Channels.Email;

/// <summary>
/// An original read for its attachments' slices and hashed whole in that same read (<c>store verify</c>): every byte
/// is hashed once and in order, when a read first passes it; a seek forward hashes the bytes it skips on the way, a
/// read behind them reads again without hashing, and <see cref="Finish"/> hashes the rest. Read slices in order of
/// their start and the original is read once. The inner stream must seek; it is left open.
/// </summary>
internal sealed class SequentialHashingStream(Stream inner) : Stream
{
    private readonly IncrementalHash hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
    private long hashed;
    private long position;

    public override bool CanRead => true;

    public override bool CanSeek => true;

    public override bool CanWrite => false;

    public override long Length => inner.Length;

    public override long Position
    {
        get => position;
        set => position = value >= 0 ? value : throw new ArgumentOutOfRangeException(nameof(value));
    }

    public override long Seek(long offset, SeekOrigin origin) => Position = origin switch
    {
        SeekOrigin.Begin => offset,
        SeekOrigin.Current => position + offset,
        SeekOrigin.End => Length + offset,
        _ => throw new ArgumentOutOfRangeException(nameof(origin)),
    };

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        HashUpTo(position);
        inner.Position = position;
        var read = inner.Read(buffer);
        if (read > 0 && position + read > hashed)
        {
            hash.AppendData(buffer[(int)(hashed - position)..read]);
            hashed = position + read;
        }

        position += read;
        return read;
    }

    /// <summary>Hashes what no read reached and returns the whole stream's SHA-256 and length.</summary>
    public (string Sha256, long Length) Finish()
    {
        HashUpTo(long.MaxValue);
        return (Convert.ToHexStringLower(hash.GetHashAndReset()), hashed);
    }

    public override void Flush()
    {
    }

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            hash.Dispose();
        }

        base.Dispose(disposing);
    }

    private void HashUpTo(long end)
    {
        if (hashed >= end)
        {
            return;
        }

        inner.Position = hashed;
        var buffer = ArrayPool<byte>.Shared.Rent(81920);
        try
        {
            int read;
            while (hashed < end && (read = inner.Read(buffer, 0, (int)Math.Min(buffer.Length, end - hashed))) > 0)
            {
                hash.AppendData(buffer, 0, read);
                hashed += read;
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }
}
