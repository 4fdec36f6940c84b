namespace ContactCenter.Channels.Tests.Email;

/// <summary>Gives <paramref name="length"/> zero bytes, then fails as a dying disk does (EIO).</summary>
internal sealed class ReadFailingStream(long length) : Stream
{
    private long position;

    public override bool CanRead => true;
    public override bool CanSeek => false;
    public override bool CanWrite => false;
    public override long Length => throw new NotSupportedException();
    public override long Position { get => position; set => throw new NotSupportedException(); }

    public override int Read(byte[] buffer, int offset, int count)
    {
        if (position >= length)
        {
            throw new IOException("Input/output error");
        }

        var read = (int)Math.Min(count, length - position);
        Array.Clear(buffer, offset, read);
        position += read;
        return read;
    }

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();
    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}
