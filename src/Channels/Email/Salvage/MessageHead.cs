using System.Buffers;

namespace ContactCenter.Channels.Email.Salvage;

/// <summary>
/// The first bytes of a message, where its header block lies: enough to skip junk before the headers and to guess the
/// charset of raw 8-bit header bytes before MimeKit parses it. The stream's position is left where it was. The buffer
/// is rented and goes back to the pool on dispose: every message is read this way, twice when it is screened, and a
/// fresh 64 KiB each time was a tenth of what a poll allocated.
/// </summary>
internal sealed class MessageHead : IDisposable
{
    /// <summary>Headers beyond this are not looked at for salvage; MimeKit still parses them all.</summary>
    public const int MaxBytes = 64 * 1024;

    private MessageHead(byte[] bytes, int length)
    {
        Bytes = bytes;
        Length = length;
    }

    /// <summary>The bytes read, in the first <see cref="Length"/> of this buffer (which may be longer).</summary>
    public byte[] Bytes { get; private set; }

    public int Length { get; }

    public static MessageHead Read(Stream stream)
    {
        var start = stream.Position;
        var bytes = ArrayPool<byte>.Shared.Rent(MaxBytes);
        var length = 0;
        int read;
        while (length < MaxBytes && (read = stream.Read(bytes, length, MaxBytes - length)) > 0)
        {
            length += read;
        }

        stream.Position = start;
        return new MessageHead(bytes, length);
    }

    public void Dispose()
    {
        var bytes = Bytes;
        Bytes = [];
        if (bytes.Length > 0)
        {
            ArrayPool<byte>.Shared.Return(bytes);
        }
    }

    /// <summary>The line starting at <paramref name="offset"/>, without its line break, and where the next one starts.</summary>
    public ReadOnlySpan<byte> Line(int offset, out int next)
    {
        var rest = Bytes.AsSpan(offset, Length - offset);
        var end = rest.IndexOfAny((byte)'\r', (byte)'\n');
        if (end < 0)
        {
            next = Length;
            return rest;
        }

        next = offset + end + (rest[end] == '\r' && end + 1 < rest.Length && rest[end + 1] == '\n' ? 2 : 1);
        return rest[..end];
    }

    /// <summary>From <paramref name="offset"/> to the blank line that ends the header block (or the end of what was read).</summary>
    public ReadOnlySpan<byte> HeaderBlock(int offset)
    {
        var position = offset;
        while (position < Length)
        {
            var line = Line(position, out var next);
            if (line.IsEmpty)
            {
                return Bytes.AsSpan(offset, position - offset);
            }

            position = next;
        }

        return Bytes.AsSpan(offset, Length - offset);
    }
}
