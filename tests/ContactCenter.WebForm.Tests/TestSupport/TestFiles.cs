using System.Text;

namespace ContactCenter.WebForm.Tests.TestSupport;

/// <summary>Small real files for attachments, and an executable wearing a PDF's name.</summary>
public static class TestFiles
{
    /// <summary>A minimal one-page PDF with a text layer.</summary>
    public static byte[] Pdf(string text = "Perizia dei danni") => Encoding.ASCII.GetBytes(
        "%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n" +
        "3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 595 842]/Contents 4 0 R/Resources<</Font<</F1 5 0 R>>>>>>endobj\n" +
        $"4 0 obj<</Length {text.Length + 30}>>stream\nBT /F1 18 Tf 72 760 Td ({text}) Tj ET\nendstream endobj\n" +
        "5 0 obj<</Type/Font/Subtype/Type1/BaseFont/Helvetica>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n");

    /// <summary>The start of a Windows executable (MZ header, PE signature): what a renamed .exe looks like.</summary>
    public static byte[] Executable()
    {
        var bytes = new byte[4096];
        bytes[0] = (byte)'M';
        bytes[1] = (byte)'Z';
        bytes[0x3C] = 0x80;
        Encoding.ASCII.GetBytes("PE\0\0").CopyTo(bytes, 0x80);
        Encoding.ASCII.GetBytes("This program cannot be run in DOS mode.").CopyTo(bytes, 0x4E);
        return bytes;
    }

    public static string WritePdf(string folder, string name = "perizia.pdf")
    {
        var path = Path.Combine(folder, name);
        File.WriteAllBytes(path, Pdf());
        return path;
    }
}
