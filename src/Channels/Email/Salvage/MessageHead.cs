namespace ContactCenter.Channels.Email.Salvage;

/// <summary>
/// The first bytes of a message, where its header block lies: enough to skip junk before the headers and to guess the
/// charset of raw 8-bit header bytes before MimeKit parses it. The stream's position is left where it was.
/// </summary>
internal sealed class MessageHead
{
    /// <summary>Headers beyond this are not looked at for salvage; MimeKit still parses them all.</summary>
    public const int MaxBytes = 64 * 1024;

    private MessageHead(byte[] bytes, int length)
    {
        Bytes = bytes;
        Length = length;
    }

    public byte[] Bytes { get; }

    public int Length { get; }

    public static MessageHead Read(Stream stream)
    {
        var start = stream.Position;
        var bytes = new byte[MaxBytes];
        var length = 0;
        int read;
        while (length < bytes.Length && (read = stream.Read(bytes, length, bytes.Length - length)) > 0)
        {
            length += read;
        }

        stream.Position = start;
        return new MessageHead(bytes, length);
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
