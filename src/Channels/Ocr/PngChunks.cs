using System.Buffers.Binary;
using System.Text;
using ContactCenter.Core.Intake;

namespace ContactCenter.Channels.Ocr;

/// <summary>
/// What of a PNG reaches Leptonica: its critical chunks, its transparency and its resolution (pHYs), each copied whole
/// with its CRC, in order, up to IEND. Text, colour profiles, palettes' histograms and the other ancillary chunks are
/// dropped before decoding: OCR reads none of them, and Debian's libpng, which Leptonica calls, sets no limit on what
/// such a chunk may declare: a 372-byte PNG whose tEXt declared 2 GB made it allocate and touch 2.1 GB (found by the
/// page fuzzer), and a compressed one (zTXt, iTXt, iCCP) can inflate far beyond the file. A chunk that declares more
/// bytes than the file holds refuses the image as corrupt.
/// </summary>
internal static class PngChunks
{
    private const int SignatureLength = 8;
    private const int ChunkOverhead = 12; // length, type, CRC

    /// <returns><paramref name="png"/> itself when it has nothing to drop, else a copy of what is kept.</returns>
    public static byte[] Essential(byte[] png)
    {
        // Two passes, so that a large scan is copied at most once and only when something is dropped.
        var kept = KeptChunks(png);
        var keptBytes = SignatureLength + kept.Sum(c => c.Length);
        if (keptBytes == png.Length)
        {
            return png;
        }

        var essential = new byte[keptBytes];
        png.AsSpan(0, SignatureLength).CopyTo(essential);
        var at = SignatureLength;
        foreach (var (offset, length) in kept)
        {
            png.AsSpan(offset, length).CopyTo(essential.AsSpan(at));
            at += length;
        }

        return essential;
    }

    /// <summary>Where each kept chunk lies (its header and CRC included), up to IEND.</summary>
    private static List<(int Offset, int Length)> KeptChunks(byte[] png)
    {
        var kept = new List<(int, int)>();
        for (var offset = SignatureLength; offset < png.Length;)
        {
            if (png.Length - offset < ChunkOverhead)
            {
                throw new InboundItemRejectedException($"corrupt Png image: it ends {png.Length - offset} bytes into a chunk header");
            }

            var length = BinaryPrimitives.ReadUInt32BigEndian(png.AsSpan(offset));
            var type = png.AsSpan(offset + 4, 4);
            if (length > (uint)(png.Length - offset - ChunkOverhead))
            {
                throw new InboundItemRejectedException(
                    $"corrupt Png image: its {Describe(type)} chunk declares {length} bytes, the file holds {png.Length - offset - ChunkOverhead} more");
            }

            var size = ChunkOverhead + (int)length;
            if (IsKept(type))
            {
                kept.Add((offset, size));
            }

            offset += size;
            if (type.SequenceEqual("IEND"u8))
            {
                break;
            }
        }

        return kept;
    }

    /// <summary>The type as the quarantine reason and the log show it: as text only when it is four letters.</summary>
    private static string Describe(ReadOnlySpan<byte> type)
    {
        foreach (var b in type)
        {
            if (!char.IsAsciiLetter((char)b))
            {
                return "0x" + Convert.ToHexString(type);
            }
        }

        return Encoding.ASCII.GetString(type);
    }

    /// <summary>Critical chunks (upper-case first letter: libpng refuses those it does not know), tRNS and pHYs.</summary>
    private static bool IsKept(ReadOnlySpan<byte> type) =>
        (type[0] & 0x20) == 0 || type.SequenceEqual("tRNS"u8) || type.SequenceEqual("pHYs"u8);
}
