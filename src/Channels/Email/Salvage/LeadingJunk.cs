using System.Text;

namespace ContactCenter.Channels.Email.Salvage;

/// <summary>
/// Finds lines before a message's first header that are not headers (<c>---- Original email message ----</c> left by a
/// mail client's "save as", a blank line from a badly exported file). MimeKit refuses the whole message for them; when a
/// real header block follows, those lines are skipped and reported. Anything else is left for MimeKit to judge.
/// </summary>
internal static class LeadingJunk
{
    /// <summary>More junk than this is not a stray line but something that is not a message.</summary>
    public const int MaxLines = 10;

    private static ReadOnlySpan<byte> Utf8Bom => [0xEF, 0xBB, 0xBF];

    private static readonly string[] KnownFields =
        ["from", "to", "cc", "subject", "date", "message-id", "received", "return-path", "mime-version", "content-type", "reply-to", "sender"];

    /// <summary>How many bytes to skip (0 when the message starts with a header) and how many lines that is.</summary>
    public static (int Bytes, int Lines) Measure(MessageHead head)
    {
        // A UTF-8 byte-order mark (Windows editors) would make the first header look like junk.
        var offset = head.Bytes.AsSpan(0, head.Length).StartsWith(Utf8Bom) ? Utf8Bom.Length : 0;
        for (var lines = 0; lines <= MaxLines && offset < head.Length; lines++)
        {
            var line = head.Line(offset, out var next);
            if (IsField(line) && (lines == 0 || StartsHeaderBlock(head, offset)))
            {
                return (offset, lines);
            }

            if (lines == 0 && IsMboxFromLine(line))
            {
                return (0, 0);
            }

            offset = next;
        }

        return (0, 0);
    }

    /// <summary>Two or more header lines in a row, at least one of them a field every message has.</summary>
    private static bool StartsHeaderBlock(MessageHead head, int offset)
    {
        int fields = 0, known = 0;
        while (offset < head.Length && fields < 20)
        {
            var line = head.Line(offset, out var next);
            if (line.IsEmpty)
            {
                break;
            }

            if (line[0] is (byte)' ' or (byte)'\t')
            {
                offset = next;
                continue;
            }

            if (!IsField(line))
            {
                return false;
            }

            fields++;
            var name = Encoding.ASCII.GetString(line[..line.IndexOf((byte)':')]).Trim().ToLowerInvariant();
            known += KnownFields.Contains(name) ? 1 : 0;
            offset = next;
        }

        return fields >= 2 && known >= 1;
    }

    /// <summary>A header field: printable ASCII other than ':' and space, then ':' (RFC 5322 2.2).</summary>
    private static bool IsField(ReadOnlySpan<byte> line)
    {
        var colon = line.IndexOf((byte)':');
        if (colon <= 0)
        {
            return false;
        }

        foreach (var b in line[..colon].TrimEnd((byte)' '))
        {
            if (b is <= 32 or >= 127)
            {
                return false;
            }
        }

        return true;
    }

    private static bool IsMboxFromLine(ReadOnlySpan<byte> line) => line.StartsWith("From "u8);
}
