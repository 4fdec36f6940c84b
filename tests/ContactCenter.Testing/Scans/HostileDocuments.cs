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

    /// <summary>
    /// <paramref name="png"/> with one more chunk before its IEND: <paramref name="data"/> under a length field of
    /// <paramref name="declaredLength"/> (by default its true length) and a CRC computed over what is written.
    /// </summary>
    public static byte[] PngWithChunk(byte[] png, string type, byte[] data, uint? declaredLength = null)
    {
        var iend = png.AsSpan().LastIndexOf("IEND"u8) - 4;
        using var result = new MemoryStream();
        result.Write(png, 0, iend);
        WriteChunk(result, type, data);
        if (declaredLength is { } declared)
        {
            BinaryPrimitives.WriteUInt32BigEndian(result.GetBuffer().AsSpan(iend), declared);
        }

        result.Write(png, iend, png.Length - iend);
        return result.ToArray();
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

    /// <summary>
    /// One page under <paramref name="depth"/> nested page-tree nodes, each the only kid of the one above: a few MB
    /// that overflowed PdfPig's stack (uncatchable in .NET) at 35,000 levels.
    /// </summary>
    public static byte[] PdfWithDeepPageTree(int depth)
    {
        // Objects: 1 catalog, 2..depth+1 the /Pages chain, depth+2 the page.
        var objects = new List<string> { "<< /Type /Catalog /Pages 2 0 R >>" };
        for (var i = 0; i < depth; i++)
        {
            var self = i + 2;
            var parent = i == 0 ? "" : $" /Parent {self - 1} 0 R";
            objects.Add($"<< /Type /Pages /Kids [{self + 1} 0 R] /Count 1{parent} >>");
        }

        objects.Add($"<< /Type /Page /Parent {depth + 1} 0 R /MediaBox [0 0 595 842] >>");
        return RawPdf(objects);
    }

    /// <summary>A page whose crop box is A4 on a media box of <paramref name="mediaPoints"/> points square.</summary>
    public static byte[] PdfWithSmallCropOnHugeMedia(int mediaPoints) => RawPdf(
    [
        "<< /Type /Catalog /Pages 2 0 R >>",
        "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        $"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 {mediaPoints} {mediaPoints}] /CropBox [0 0 595 842] >>",
    ]);

    /// <summary>A JPEG's frame of markers with <paramref name="scans"/> tiny start-of-scan segments: the shape of a progressive "scan bomb".</summary>
    public static byte[] JpegWithScans(int scans)
    {
        var jpeg = new List<byte> { 0xFF, 0xD8 };
        for (var i = 0; i < scans; i++)
        {
            jpeg.AddRange([0xFF, 0xDA, 0x00, 0x08, 0x01, 0x01, 0x00, 0x00, 0x3F, 0x00, 0x12, 0x34]);
        }

        jpeg.AddRange([0xFF, 0xD9]);
        return [.. jpeg];
    }

    /// <summary>A PDF of these objects (numbered from 1, the first the catalog) with a correct cross-reference table.</summary>
    private static byte[] RawPdf(IReadOnlyList<string> objects)
    {
        var pdf = new System.Text.StringBuilder("%PDF-1.4\n");
        var offsets = new List<int>(objects.Count);
        for (var i = 0; i < objects.Count; i++)
        {
            offsets.Add(pdf.Length);
            pdf.Append(System.Globalization.CultureInfo.InvariantCulture, $"{i + 1} 0 obj\n{objects[i]}\nendobj\n");
        }

        var xref = pdf.Length;
        pdf.Append(System.Globalization.CultureInfo.InvariantCulture, $"xref\n0 {objects.Count + 1}\n0000000000 65535 f \n");
        foreach (var offset in offsets)
        {
            pdf.Append(System.Globalization.CultureInfo.InvariantCulture, $"{offset:D10} 00000 n \n");
        }

        pdf.Append(System.Globalization.CultureInfo.InvariantCulture, $"trailer\n<< /Size {objects.Count + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n");
        return System.Text.Encoding.ASCII.GetBytes(pdf.ToString());
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
