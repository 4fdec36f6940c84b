using System.Buffers.Binary;
using System.Globalization;
using System.Text;

namespace ContactCenter.Workers.Tests.Corpus;

/// <summary>Small image and PDF files built byte by byte, valid or broken on purpose.</summary>
internal static class HostileScans
{
    /// <summary>
    /// An uncompressed bilevel TIFF of <paramref name="width"/>×<paramref name="height"/> (little-endian, one strip),
    /// with resolution tags when <paramref name="resolution"/> is given.
    /// </summary>
    public static byte[] TinyTiff(int width = 64, int height = 32, (uint X, uint Y)? resolution = null)
    {
        var rowBytes = (width + 7) / 8;
        var pixels = new byte[rowBytes * height];
        for (var i = 0; i < pixels.Length; i += 3)
        {
            pixels[i] = 0xF0;
        }

        var tags = new List<(ushort Tag, ushort Type, uint Value)>
        {
            (256, 4, (uint)width), (257, 4, (uint)height), (258, 3, 1), (259, 3, 1), (262, 3, 0),
            (273, 4, 8), (277, 3, 1), (278, 4, (uint)height), (279, 4, (uint)pixels.Length),
        };
        var ifdOffset = 8 + pixels.Length;
        var rationals = ifdOffset + 2 + (tags.Count + (resolution is null ? 0 : 2)) * 12 + 4;
        if (resolution is not null)
        {
            tags.Add((282, 5, (uint)rationals));
            tags.Add((283, 5, (uint)rationals + 8));
        }

        var bytes = new byte[rationals + (resolution is null ? 0 : 16)];
        "II*\0"u8.CopyTo(bytes);
        BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(4), (uint)ifdOffset);
        pixels.CopyTo(bytes, 8);
        var p = ifdOffset;
        BinaryPrimitives.WriteUInt16LittleEndian(bytes.AsSpan(p), (ushort)tags.Count);
        p += 2;
        foreach (var (tag, type, value) in tags)
        {
            BinaryPrimitives.WriteUInt16LittleEndian(bytes.AsSpan(p), tag);
            BinaryPrimitives.WriteUInt16LittleEndian(bytes.AsSpan(p + 2), type);
            BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(p + 4), 1);
            if (type == 3)
            {
                BinaryPrimitives.WriteUInt16LittleEndian(bytes.AsSpan(p + 8), (ushort)value);
            }
            else
            {
                BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(p + 8), value);
            }

            p += 12;
        }

        if (resolution is { } dpi)
        {
            BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(rationals), dpi.X);
            BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(rationals + 4), 1);
            BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(rationals + 8), dpi.Y);
            BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(rationals + 12), 1);
        }

        return bytes;
    }

    /// <summary>
    /// Found by fuzzing: a fax-sized TIFF claiming 51×16,711,800 dpi, which squaring the pixels stretched to about
    /// 30 million pixels wide.
    /// </summary>
    public static byte[] TiffWithAbsurdResolution() => TinyTiff(96, 32, (51, 16_711_800));

    /// <summary>A TIFF whose directory names itself as the next one: a reader that follows the chain never ends.</summary>
    public static byte[] TiffWithDirectoryLoop()
    {
        var tiff = TinyTiff();
        var ifdOffset = BinaryPrimitives.ReadUInt32LittleEndian(tiff.AsSpan(4));
        BinaryPrimitives.WriteUInt32LittleEndian(tiff.AsSpan(tiff.Length - 4), ifdOffset);
        return tiff;
    }

    /// <summary>A TIFF whose strip lies beyond the end of the file.</summary>
    public static byte[] TiffWithStripPastEnd()
    {
        var tiff = TinyTiff();
        var ifdOffset = (int)BinaryPrimitives.ReadUInt32LittleEndian(tiff.AsSpan(4));
        BinaryPrimitives.WriteUInt32LittleEndian(tiff.AsSpan(ifdOffset + 2 + 5 * 12 + 8), 0x7FFF_0000);
        return tiff;
    }

    /// <summary>A JPEG that stops after its start-of-image and APP0 markers.</summary>
    public static byte[] JpegHeaderOnly() => [0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x10, .. "JFIF\0"u8, 0x01, 0x01, 0x00, 0x00, 0x01, 0x00, 0x01, 0x00, 0x00];

    /// <summary>"%PDF-" followed by garbage: no objects, no cross-reference table, no trailer.</summary>
    public static byte[] PdfGarbage()
    {
        var bytes = new byte[8 * 1024];
        new Random(4).NextBytes(bytes);
        return [.. "%PDF-1.7\n"u8, .. bytes];
    }

    /// <summary>A well-formed PDF (valid cross-reference table) whose page tree's Kids name the page tree itself.</summary>
    public static byte[] PdfWithPageTreeLoop() => Pdf(
        "<< /Type /Catalog /Pages 2 0 R >>", "<< /Type /Pages /Kids [2 0 R 2 0 R] /Count 2 >>");

    /// <summary>A PDF whose page tree claims a billion pages and holds one.</summary>
    public static byte[] PdfClaimingBillionPages() => Pdf(
        "<< /Type /Catalog /Pages 2 0 R >>", "<< /Type /Pages /Kids [3 0 R] /Count 1000000000 >>",
        "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>");

    /// <summary>A PDF of the given objects (numbered from 1, the first is the catalog) with a correct xref table.</summary>
    public static byte[] Pdf(params string[] objects)
    {
        var text = new StringBuilder("%PDF-1.4\n");
        var offsets = new List<int>();
        for (var i = 0; i < objects.Length; i++)
        {
            offsets.Add(text.Length);
            text.Append(CultureInfo.InvariantCulture, $"{i + 1} 0 obj\n{objects[i]}\nendobj\n");
        }

        var xref = text.Length;
        text.Append(CultureInfo.InvariantCulture, $"xref\n0 {objects.Length + 1}\n0000000000 65535 f \n");
        offsets.ForEach(o => text.Append(CultureInfo.InvariantCulture, $"{o:D10} 00000 n \n"));
        text.Append(CultureInfo.InvariantCulture, $"trailer\n<< /Size {objects.Length + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n");
        return Encoding.ASCII.GetBytes(text.ToString());
    }

    public static byte[] Text() => Encoding.UTF8.GetBytes("Questo non è un documento scansionato.\n");
}
