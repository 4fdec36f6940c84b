using System.Security.Cryptography;
using ContactCenter.Testing.Scans;
using UglyToad.PdfPig.Content;
using UglyToad.PdfPig.Core;
using UglyToad.PdfPig.Writer;

namespace ContactCenter.Workers.Tests.Crash;

/// <summary>
/// The scanned letters of the crash run, each different (the source key is the file's sha256): most are PDFs with a
/// text layer (read without OCR), a few are real 300 dpi image scans that go through Tesseract.
/// </summary>
internal static class CrashScans
{
    /// <summary>Writes the files and returns each one's sha256, the part of its expected source key.</summary>
    public static IReadOnlyList<string> Write(string folder, int textPdfs, int imageScans)
    {
        Directory.CreateDirectory(folder);
        var hashes = new List<string>();
        for (var n = 0; n < textPdfs + imageScans; n++)
        {
            var text = $"{ItalianLetters.All[n % ItalianLetters.All.Count]}\n\nProtocollo interno n. {n + 1}";
            var path = Path.Combine(folder, n < textPdfs ? $"lettera-{n + 1:D3}.pdf" : $"scansione-{n + 1:D3}.png");
            if (n < textPdfs)
            {
                File.WriteAllBytes(path, TextPdf(text));
            }
            else
            {
                ExternalTool.Run(
                    "convert", "-size", $"{ScanFixtures.A4Width300}x{ScanFixtures.A4Height300}", "xc:white", "-units", "PixelsPerInch",
                    "-density", "300", "-font", "DejaVu-Sans", "-pointsize", "12", "-fill", "black", "-annotate", "+236+354", text,
                    "-colorspace", "Gray", "-depth", "8", path);
            }

            hashes.Add(Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(path))));
        }

        return hashes;
    }

    private static byte[] TextPdf(string text)
    {
        var builder = new PdfDocumentBuilder();
        var font = builder.AddTrueTypeFont(File.ReadAllBytes("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"));
        var page = builder.AddPage(PageSize.A4);
        var y = page.PageSize.Height - 72;
        foreach (var line in text.Split('\n'))
        {
            page.AddText(line, 11, new PdfPoint(56, y), font);
            y -= 15;
        }

        return builder.Build();
    }
}
