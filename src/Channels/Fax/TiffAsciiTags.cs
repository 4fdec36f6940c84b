using System.Buffers.Binary;
using System.Text;

namespace ContactCenter.Channels.Fax;

/// <summary>
/// Reads ASCII tags of a TIFF's first image directory (classic TIFF and BigTIFF, either byte order) and nothing else,
/// within fixed bounds: at most <see cref="MaxEntries"/> directory entries and <see cref="MaxValueBytes"/> per value,
/// never past the end of the stream. A TIFF library reads and allocates every tag of the directory as the file declares
/// it: LibTiff.NET, used here before, took 11 s and 3.7 GB for an 868-byte fax whose counts were hostile (found by afl),
/// and threw seven kinds of exception on others. A malformed directory or value reads as missing; only the stream's
/// own I/O errors are thrown.
/// </summary>
internal static class TiffAsciiTags
{
    /// <summary>A directory holds a few dozen tags; TIFF's own limit is 65,535.</summary>
    internal const int MaxEntries = 4096;

    /// <summary>A fax's description or date is a few lines; a longer value is not one a gateway wrote.</summary>
    internal const int MaxValueBytes = 64 * 1024;

    private const ushort AsciiType = 2;

    /// <summary>The values of the <paramref name="wanted"/> tags found, each cut at its first NUL.</summary>
    public static Dictionary<ushort, string> Read(Stream stream, params ushort[] wanted)
    {
        var found = new Dictionary<ushort, string>();
        Span<byte> header = stackalloc byte[16];
        if (!stream.CanSeek || !TryReadAt(stream, 0, header))
        {
            return found;
        }

        var bigEndian = header[0] == 'M' && header[1] == 'M';
        if (!bigEndian && !(header[0] == 'I' && header[1] == 'I'))
        {
            return found;
        }

        var layout = Number(header[2..4], bigEndian) switch
        {
            42 => (Big: false, Directory: (long)Number(header[4..8], bigEndian)),
            43 when Number(header[4..6], bigEndian) == 8 => (Big: true, Directory: Offset(header[8..16], bigEndian)),
            _ => (Big: false, Directory: -1L),
        };
        var countSize = layout.Big ? 8 : 2;
        var entrySize = layout.Big ? 20 : 12;
        Span<byte> countBytes = stackalloc byte[countSize];
        if (layout.Directory < 8 || !TryReadAt(stream, layout.Directory, countBytes))
        {
            return found;
        }

        var count = layout.Big ? Offset(countBytes, bigEndian) : Number(countBytes, bigEndian);
        if (count is <= 0 or > MaxEntries)
        {
            return found;
        }

        var entries = new byte[count * entrySize];
        if (!TryReadAt(stream, layout.Directory + countSize, entries))
        {
            return found;
        }

        for (var i = 0; i < count; i++)
        {
            var entry = entries.AsSpan(i * entrySize, entrySize);
            var tag = (ushort)Number(entry[..2], bigEndian);
            if (Array.IndexOf(wanted, tag) < 0 || found.ContainsKey(tag) || Number(entry[2..4], bigEndian) != AsciiType)
            {
                continue;
            }

            var length = layout.Big ? Offset(entry[4..12], bigEndian) : Number(entry[4..8], bigEndian);
            var field = entry[(layout.Big ? 12 : 8)..];
            if (length is <= 0 or > MaxValueBytes)
            {
                continue;
            }

            // A value that fits in the entry's value field is stored there; a longer one at the offset it holds.
            var value = new byte[length];
            if (length <= field.Length)
            {
                field[..(int)length].CopyTo(value);
            }
            else if (!TryReadAt(stream, layout.Big ? Offset(field, bigEndian) : Number(field, bigEndian), value))
            {
                continue;
            }

            var end = Array.IndexOf(value, (byte)0);
            found[tag] = Encoding.Latin1.GetString(value, 0, end < 0 ? value.Length : end);
        }

        return found;
    }

    private static long Number(ReadOnlySpan<byte> bytes, bool bigEndian) => bytes.Length switch
    {
        2 => bigEndian ? BinaryPrimitives.ReadUInt16BigEndian(bytes) : BinaryPrimitives.ReadUInt16LittleEndian(bytes),
        _ => bigEndian ? BinaryPrimitives.ReadUInt32BigEndian(bytes) : BinaryPrimitives.ReadUInt32LittleEndian(bytes),
    };

    /// <summary>A BigTIFF 8-byte offset or count; one past <see cref="long.MaxValue"/> reads as -1 (invalid).</summary>
    private static long Offset(ReadOnlySpan<byte> bytes, bool bigEndian)
    {
        var value = bigEndian ? BinaryPrimitives.ReadUInt64BigEndian(bytes) : BinaryPrimitives.ReadUInt64LittleEndian(bytes);
        return value > long.MaxValue ? -1 : (long)value;
    }

    private static bool TryReadAt(Stream stream, long offset, Span<byte> buffer)
    {
        if (offset < 0 || offset > stream.Length - buffer.Length)
        {
            return false;
        }

        stream.Position = offset;
        return stream.ReadAtLeast(buffer, buffer.Length, throwOnEndOfStream: false) == buffer.Length;
    }
}
