using System.Security.Cryptography;

namespace ContactCenter.Stores.PostgreSql;

/// <summary>
/// Reads a blob's first bytes (already read into memory) and then the rest of its stream, hashing every byte handed
/// out, so the digest is of exactly the bytes the server got, in the same single pass. It reports its length and
/// position (Npgsql then streams the parameter instead of copying it into memory first) but cannot seek.
/// </summary>
internal sealed class HashingReadStream(ReadOnlyMemory<byte> head, Stream rest, long length) : Stream
{
    private readonly IncrementalHash _hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
    private long _position;

    public override bool CanRead => true;
    public override bool CanSeek => true;
    public override bool CanWrite => false;
    public override long Length => length;

    public override long Position
    {
        get => _position;
        set => throw new NotSupportedException();
    }

    /// <summary>The lower-case hex sha256 of what was read; throws unless exactly <see cref="Length"/> bytes were.</summary>
    public string Sha256() => _position == length
        ? Convert.ToHexStringLower(_hash.GetHashAndReset())
        : throw new IOException($"The content ended after {_position} of {length} bytes.");

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        var read = _position < head.Length ? CopyHead(buffer) : rest.Read(buffer[..Remaining(buffer.Length)]);
        return Hashed(buffer[..read]);
    }

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        var read = _position < head.Length
            ? CopyHead(buffer.Span)
            : await rest.ReadAsync(buffer[..Remaining(buffer.Length)], cancellationToken).ConfigureAwait(false);
        return Hashed(buffer.Span[..read]);
    }

    public override void Flush() => throw new NotSupportedException();
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();
    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _hash.Dispose();
        }

        base.Dispose(disposing);
    }

    private int CopyHead(Span<byte> buffer)
    {
        var count = (int)Math.Min(buffer.Length, head.Length - _position);
        head.Span.Slice((int)_position, count).CopyTo(buffer);
        return count;
    }

    /// <summary>Never more than the announced length: the server was told how many bytes follow.</summary>
    private int Remaining(int wanted) => (int)Math.Min(wanted, length - _position);

    private int Hashed(ReadOnlySpan<byte> read)
    {
        _hash.AppendData(read);
        _position += read.Length;
        return read.Length;
    }
}
