using System.Buffers.Binary;
using UglyToad.PdfPig.Content;
using UglyToad.PdfPig.Writer;

namespace ContactCenter.Testing.Scans;

/// <summary>Small files that try to make a reader allocate, loop or crash.</summary>
public static class HostileDocuments
{
    /// <summary>A valid PNG header declaring <paramref name="width"/>×<paramref name="height"/> pixels, with almost no data.</summary>
    public static byte[] PngDeclaring(int width, int height)
    {
        using var png = new MemoryStream();
        png.Write([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]);
        var header = new byte[13];
        BinaryPrimitives.WriteInt32BigEndian(header, width);
        BinaryPrimitives.WriteInt32BigEndian(header.AsSpan(4), height);
        header[8] = 8; // bit depth; colour type 0 (grey), default compression, filter, no interlace
        WriteChunk(png, "IHDR", header);
        WriteChunk(png, "IDAT", [0x78, 0x9C, 0x03, 0x00, 0x00, 0x00, 0x00, 0x01]);
        WriteChunk(png, "IEND", []);
        return png.ToArray();
    }

    /// <summary>A real TIFF whose first directory offset points far past the end of the file.</summary>
    public static byte[] TiffWithBadOffsets(byte[] validTiff)
    {
        var copy = (byte[])validTiff.Clone();
        var bigEndian = copy[0] == (byte)'M';
        if (bigEndian)
        {
            BinaryPrimitives.WriteUInt32BigEndian(copy.AsSpan(4), 0x7FFF_FF00);
        }
        else
        {
            BinaryPrimitives.WriteUInt32LittleEndian(copy.AsSpan(4), 0x7FFF_FF00);
        }

        return copy;
    }

    /// <summary>A PDF of <paramref name="pages"/> empty A4 pages: tiny on disk, huge to rasterise.</summary>
    public static byte[] PdfWithEmptyPages(int pages)
    {
        var builder = new PdfDocumentBuilder();
        for (var i = 0; i < pages; i++)
        {
            builder.AddPage(PageSize.A4);
        }

        return builder.Build();
    }

    /// <summary>One empty page of <paramref name="inches"/> × <paramref name="inches"/>: 60000² pixels at 300 dpi for 200 in.</summary>
    public static byte[] PdfWithHugePage(double inches)
    {
        var builder = new PdfDocumentBuilder();
        builder.AddPage(inches * 72, inches * 72);
        return builder.Build();
    }

    private static void WriteChunk(Stream png, string type, byte[] data)
    {
        Span<byte> length = stackalloc byte[4];
        BinaryPrimitives.WriteInt32BigEndian(length, data.Length);
        png.Write(length);
        var typed = new byte[4 + data.Length];
        System.Text.Encoding.ASCII.GetBytes(type, typed);
        data.CopyTo(typed, 4);
        png.Write(typed);
        BinaryPrimitives.WriteUInt32BigEndian(length, Crc32(typed));
        png.Write(length);
    }

    private static uint Crc32(byte[] bytes)
    {
        var crc = 0xFFFF_FFFFu;
        foreach (var b in bytes)
        {
            crc ^= b;
            for (var k = 0; k < 8; k++)
            {
                crc = (crc & 1) != 0 ? 0xEDB8_8320u ^ (crc >> 1) : crc >> 1;
            }
        }

        return ~crc;
    }
}
