using System.Collections.Concurrent;
using UglyToad.PdfPig.Content;
using UglyToad.PdfPig.Core;
using UglyToad.PdfPig.Writer;

namespace ContactCenter.Testing.Scans;

/// <summary>
/// Scans and faxes rendered from <see cref="ItalianLetters"/> with ImageMagick (fonts-dejavu-core), each made once
/// on first use and kept for the test run. Use as an xUnit class or collection fixture; paths are to real files.
/// </summary>
public sealed class ScanFixtures : IDisposable
{
    public const int A4Width300 = 2480;
    public const int A4Height300 = 3508;
    private const string Font = "DejaVu-Sans";
    private const string DejaVuSans = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf";
    private readonly TempDirectory folder = new("cc-scans");
    private readonly ConcurrentDictionary<string, Lazy<string>> files = new();

    public static string LetterText => ItalianLetters.All[0];

    /// <summary>The first letter, clean, 300 dpi A4, 8-bit grey PNG.</summary>
    public string Letter300Png => LetterPng(0);

    public string FaxFineG3 => Fax("fine", "Fax");

    public string FaxFineG4 => Fax("fine", "Group4");

    public string FaxNormalG3 => Fax("normal", "Fax");

    public string FaxNormalG4 => Fax("normal", "Group4");

    public string Rotated90Png => Make("rotated-90.png", path => Convert(Letter300Png, "-rotate", "90", path));

    public string Rotated180Png => Make("rotated-180.png", path => Convert(Letter300Png, "-rotate", "180", path));

    public string Rotated270Png => Make("rotated-270.png", path => Convert(Letter300Png, "-rotate", "270", path));

    /// <summary>Turned 3 degrees with Gaussian noise, saved as a JPEG like a cheap office scanner would.</summary>
    public string SkewedNoisyJpeg => Make("skewed-noisy.jpg", path => Convert(
        Letter300Png, "-background", "white", "-rotate", "3", "-attenuate", "0.3", "+noise", "Gaussian",
        "-colorspace", "Gray", "-units", "PixelsPerInch", "-density", "300", "-quality", "85", path));

    public string BlankPng => Make("blank.png", path => ExternalTool.Run(
        "convert", "-size", $"{A4Width300}x{A4Height300}", "xc:white", "-units", "PixelsPerInch", "-density", "300", "-colorspace", "Gray", path));

    /// <summary>A blank sheet as scanners deliver it: light noise and a few specks of dust.</summary>
    public string BlankNoisyPng => Make("blank-noisy.png", path => Convert(
        BlankPng, "-attenuate", "0.3", "+noise", "Gaussian", "-fill", "black", "-draw", "circle 600,900 602,902", "-draw", "circle 1800,2500 1801,2501", "-colorspace", "Gray", path));

    /// <summary>The three letters as one LZW-compressed 3-page TIFF.</summary>
    public string MultiPageTiff => Make("three-letters.tif", path => ExternalTool.Run(
        "convert", LetterPng(0), LetterPng(1), LetterPng(2), "-compress", "LZW", "-units", "PixelsPerInch", "-density", "300", path));

    /// <summary>A batch scan: letter, blank separator, letter, blank separator, letter (G4, 300 dpi).</summary>
    public string BatchWithBlankSeparatorsTiff => Make("batch.tif", path => ExternalTool.Run(
        "convert", LetterPng(0), BlankPng, LetterPng(1), BlankPng, LetterPng(2), "-threshold", "55%", "-type", "bilevel",
        "-compress", "Group4", "-units", "PixelsPerInch", "-density", "300", path));

    /// <summary>The letter as a scanned PDF: one page holding only the 300 dpi image.</summary>
    public string ImageOnlyPdf => Make("image-only.pdf", path =>
    {
        var builder = new PdfDocumentBuilder();
        var page = builder.AddPage(PageSize.A4);
        page.AddPng(File.ReadAllBytes(Letter300Png), new PdfRectangle(0, 0, page.PageSize.Width, page.PageSize.Height));
        File.WriteAllBytes(path, builder.Build());
    });

    /// <summary>Two pages: the second letter typeset as text, then the first letter as a scanned image.</summary>
    public string MixedPdf => Make("mixed.pdf", path =>
    {
        var builder = new PdfDocumentBuilder();
        var font = builder.AddTrueTypeFont(File.ReadAllBytes(DejaVuSans));
        AddTextPage(builder, font, ItalianLetters.All[1]);
        var page = builder.AddPage(PageSize.A4);
        page.AddPng(File.ReadAllBytes(Letter300Png), new PdfRectangle(0, 0, page.PageSize.Width, page.PageSize.Height));
        File.WriteAllBytes(path, builder.Build());
    });

    /// <summary>The letter typeset as real PDF text (DejaVu Sans embedded), as a word processor exports it.</summary>
    public string TextPdf => Make("text.pdf", path => File.WriteAllBytes(path, TextPdfBytes(LetterText)));

    public string LetterPng(int index) => Make($"letter-{index}.png", path => ExternalTool.Run(
        "convert", "-size", $"{A4Width300}x{A4Height300}", "xc:white", "-units", "PixelsPerInch", "-density", "300",
        "-font", Font, "-pointsize", "12", "-fill", "black", "-annotate", "+236+354", ItalianLetters.All[index],
        "-colorspace", "Gray", "-depth", "8", path));

    /// <summary>The first letter, clean, A4 at 600 dpi (twice the pixels each way), 8-bit grey PNG.</summary>
    public string Letter600Png => Make("letter-600.png", path => ExternalTool.Run(
        "convert", "-size", $"{A4Width300 * 2}x{A4Height300 * 2}", "xc:white", "-units", "PixelsPerInch", "-density", "600",
        "-font", Font, "-pointsize", "12", "-fill", "black", "-annotate", "+472+708", ItalianLetters.All[0],
        "-colorspace", "Gray", "-depth", "8", path));

    /// <summary>
    /// The first two letters side by side in two columns (10 pt, lines of at most 40 characters), 300 dpi grey PNG:
    /// read line by line across the page, the columns' words would interleave.
    /// </summary>
    public string TwoColumnPng => Make("two-columns.png", path => ExternalTool.Run(
        "convert", "-size", $"{A4Width300}x{A4Height300}", "xc:white", "-units", "PixelsPerInch", "-density", "300",
        "-font", Font, "-pointsize", "10", "-fill", "black", "-annotate", "+150+354", Wrapped(ItalianLetters.All[0], 40),
        "-annotate", "+1330+354", Wrapped(ItalianLetters.All[1], 40), "-colorspace", "Gray", "-depth", "8", path));

    /// <summary><paramref name="text"/>'s words in lines of at most <paramref name="width"/> characters.</summary>
    public static string Wrapped(string text, int width) => text
        .Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)
        .Aggregate(new List<string> { string.Empty }, (lines, word) =>
        {
            if (lines[^1].Length > 0 && lines[^1].Length + 1 + word.Length > width)
            {
                lines.Add(word);
            }
            else
            {
                lines[^1] = lines[^1].Length == 0 ? word : $"{lines[^1]} {word}";
            }

            return lines;
        })
        .Aggregate((a, b) => $"{a}\n{b}");

    /// <summary>A page holding only <paramref name="text"/> (a short note), top left, 12 pt.</summary>
    public string Note(string text) => Make($"note-{(uint)StableHash(text)}.png", path => ExternalTool.Run(
        "convert", "-size", $"{A4Width300}x{A4Height300}", "xc:white", "-units", "PixelsPerInch", "-density", "300",
        "-font", Font, "-pointsize", "12", "-fill", "black", "-annotate", "+236+354", text, "-colorspace", "Gray", "-depth", "8", path));

    public void Dispose() => folder.Dispose();

    private static int StableHash(string text) => text.Aggregate(17, (hash, c) => unchecked((hash * 31) + c));

    private static byte[] TextPdfBytes(string text)
    {
        var builder = new PdfDocumentBuilder();
        AddTextPage(builder, builder.AddTrueTypeFont(File.ReadAllBytes(DejaVuSans)), text);
        return builder.Build();
    }

    private static void AddTextPage(PdfDocumentBuilder builder, PdfDocumentBuilder.AddedFont font, string text)
    {
        var page = builder.AddPage(PageSize.A4);
        var y = page.PageSize.Height - 72;
        foreach (var line in text.Split('\n'))
        {
            page.AddText(line, 11, new PdfPoint(56, y), font);
            y -= 15;
        }
    }

    private static void Convert(string input, params string[] rest) => ExternalTool.Run("convert", [input, .. rest]);

    /// <summary>Fine is 204×196 dpi, normal 204×98 dpi; 1-bit like every fax, G3 ("Fax") or G4 compressed.</summary>
    private string Fax(string resolution, string compression)
    {
        var yDpi = resolution == "fine" ? 196 : 98;
        var size = $"{A4Width300 * 204 / 300}x{A4Height300 * yDpi / 300}!";
        return Make($"fax-{resolution}-{compression}.tif", path => Convert(
            Letter300Png, "-resize", size, "-threshold", "55%", "-type", "bilevel", "-compress", compression,
            "-units", "PixelsPerInch", "-density", $"204x{yDpi}", path));
    }

    private string Make(string name, Action<string> create) =>
        files.GetOrAdd(name, n => new Lazy<string>(() =>
        {
            var path = folder.Combine(n);
            create(path);
            return path;
        })).Value;
}
