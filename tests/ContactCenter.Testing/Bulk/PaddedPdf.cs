using System.Globalization;
using System.Text;

namespace ContactCenter.Testing.Bulk;

/// <summary>
/// A valid one-page PDF ("Documentazione allegata") of a chosen size: the bulk is an embedded file stream of random
/// bytes, as incompressible as the scanned images real attachments carry.
/// </summary>
public static class PaddedPdf
{
    public static byte[] Create(Random random, int totalBytes)
    {
        var padding = new byte[Math.Max(0, totalBytes - 1200)];
        random.NextBytes(padding);
        const string content = "BT /F1 14 Tf 72 760 Td (Documentazione allegata alla richiesta) Tj ET";
        var objects = new List<byte[]>
        {
            Ascii("<< /Type /Catalog /Pages 2 0 R /Names << /EmbeddedFiles << /Names [(allegato.bin) 6 0 R] >> >> >>"),
            Ascii("<< /Type /Pages /Kids [3 0 R] /Count 1 >>"),
            Ascii("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>"),
            Stream(Ascii(content), ""),
            Ascii("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"),
            Ascii("<< /Type /Filespec /F (allegato.bin) /EF << /F 7 0 R >> >>"),
            Stream(padding, "/Type /EmbeddedFile "),
        };

        using var pdf = new MemoryStream(totalBytes + 1024);
        Write(pdf, "%PDF-1.7\n%\u00e2\u00e3\u00cf\u00d3\n");
        var offsets = new List<long>();
        for (var i = 0; i < objects.Count; i++)
        {
            offsets.Add(pdf.Position);
            Write(pdf, $"{i + 1} 0 obj\n");
            pdf.Write(objects[i]);
            Write(pdf, "\nendobj\n");
        }

        var xref = pdf.Position;
        Write(pdf, $"xref\n0 {objects.Count + 1}\n0000000000 65535 f \n");
        foreach (var offset in offsets)
        {
            Write(pdf, string.Create(CultureInfo.InvariantCulture, $"{offset:D10} 00000 n \n"));
        }

        Write(pdf, string.Create(CultureInfo.InvariantCulture, $"trailer\n<< /Size {objects.Count + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n"));
        return pdf.ToArray();
    }

    private static byte[] Stream(byte[] data, string dictionary) =>
        [.. Ascii(string.Create(CultureInfo.InvariantCulture, $"<< {dictionary}/Length {data.Length} >>\nstream\n")), .. data, .. Ascii("\nendstream")];

    private static byte[] Ascii(string text) => Encoding.Latin1.GetBytes(text);

    private static void Write(Stream stream, string text) => stream.Write(Encoding.Latin1.GetBytes(text));
}
