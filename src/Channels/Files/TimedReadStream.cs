using ContactCenter.Core.Intake;

namespace ContactCenter.Channels.Files;

/// <summary>
/// A read-only stream whose every read must finish within a timeout (a hung network share, a file system that stalls):
/// past it the item is rejected with the option's key instead of blocking the channel. Reads go through a buffer of
/// its own, so a read abandoned at the timeout can never write into a caller's (possibly pooled) buffer later.
/// </summary>
internal sealed class TimedReadStream(Stream inner, TimeSpan timeout, string fileName, string timeoutKey) : Stream
{
    private byte[] own = new byte[1 << 16];
    private bool abandoned;

    public override bool CanRead => true;

    public override bool CanSeek => inner.CanSeek;

    public override bool CanWrite => false;

    public override long Length => inner.Length;

    public override long Position
    {
        get => inner.Position;
        set => inner.Position = value;
    }

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        ObjectDisposedException.ThrowIf(abandoned, this);
        var chunk = own;
        var read = inner.ReadAsync(chunk.AsMemory(0, Math.Min(buffer.Length, chunk.Length)), cancellationToken).AsTask();
        try
        {
            var count = await read.WaitAsync(timeout, cancellationToken).ConfigureAwait(false);
            chunk.AsSpan(0, count).CopyTo(buffer.Span);
            return count;
        }
        catch (TimeoutException)
        {
            // The read still runs on its thread and owns the chunk; this stream is unusable from here on.
            abandoned = true;
            own = [];
            throw new InboundItemRejectedException($"Reading {fileName} took longer than {timeout} ({timeoutKey}).");
        }
    }

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override int Read(byte[] buffer, int offset, int count) => ReadAsync(buffer.AsMemory(offset, count)).AsTask().GetAwaiter().GetResult();

    public override int Read(Span<byte> buffer)
    {
        var chunk = new byte[Math.Min(buffer.Length, 1 << 16)];
        var count = Read(chunk, 0, chunk.Length);
        chunk.AsSpan(0, count).CopyTo(buffer);
        return count;
    }

    public override long Seek(long offset, SeekOrigin origin) => inner.Seek(offset, origin);

    public override void Flush()
    {
    }

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            inner.Dispose();
        }

        base.Dispose(disposing);
    }

    public override async ValueTask DisposeAsync()
    {
        await inner.DisposeAsync().ConfigureAwait(false);
        await base.DisposeAsync().ConfigureAwait(false);
    }
}
