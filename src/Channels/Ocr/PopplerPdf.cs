using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using ContactCenter.Core.Intake;

namespace ContactCenter.Channels.Ocr;

/// <summary>
/// What the reader needs of a PDF before rendering any page, from poppler out of process (<see cref="PopplerTool"/>):
/// the page count and each page's crop box (<c>pdfinfo -box</c>), and each page's text layer (<c>pdftotext</c>, pages
/// separated by form feeds). The crop box is what pdftoppm renders with <c>-cropbox</c>, so the pixel limit checked
/// before rendering is the one rendered: PdfPig's page size followed the crop box while pdftoppm rendered the media
/// box, and a 456-byte PDF declaring a small crop box on a huge page was rendered at 12,500 × 12,500.
/// </summary>
internal sealed partial class PopplerPdf
{
    private const long MaxInfoBytes = 4 * 1024 * 1024;
    private const long MaxTextBytes = 64 * 1024 * 1024;

    private readonly List<(double Width, double Height)> sizes;
    private readonly string[] texts;

    private PopplerPdf(int pageCount, List<(double, double)> sizes, string[] texts) => (PageCount, this.sizes, this.texts) = (pageCount, sizes, texts);

    public int PageCount { get; }

    /// <summary>Reads the first <paramref name="maxPages"/> pages' boxes and text; more pages than that are only counted.</summary>
    public static async Task<PopplerPdf> ReadAsync(string path, int maxPages, OcrOptions options, CancellationToken cancellationToken)
    {
        var (output, complaints) = await PopplerTool.RunAsync(Sibling(options, "pdfinfo"),
            ["-box", "-f", "1", "-l", Invariant(maxPages), path], options.RasterizeTimeout, MaxInfoBytes, "corrupt PDF", cancellationToken).ConfigureAwait(false);
        var info = Encoding.UTF8.GetString(output);
        var pages = PagesLine().Match(info) is { Success: true } m ? int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture) : 0;
        if (pages == 0 || pages > maxPages)
        {
            return new PopplerPdf(pages, [], []);
        }

        var sizes = new List<(double, double)>(pages);
        foreach (Match box in CropBoxLine().Matches(info))
        {
            var v = Enumerable.Range(2, 4).Select(i => double.Parse(box.Groups[i].Value, CultureInfo.InvariantCulture)).ToArray();
            sizes.Add((Math.Abs(v[2] - v[0]), Math.Abs(v[3] - v[1])));
        }

        if (sizes.Count != pages)
        {
            // A page tree that loops or points at nothing: poppler counts pages it cannot reach, and says why.
            throw new InboundItemRejectedException(
                $"corrupt PDF: {sizes.Count} of its {pages} pages can be reached{(complaints.Length > 0 ? $" ({complaints})" : "")}");
        }

        var (layers, _) = await PopplerTool.RunAsync(Sibling(options, "pdftotext"),
            ["-f", "1", "-l", Invariant(pages), "-enc", "UTF-8", path, "-"], options.RasterizeTimeout, MaxTextBytes, "corrupt PDF", cancellationToken).ConfigureAwait(false);
        var text = Encoding.UTF8.GetString(layers);
        var texts = text.Split('\f');
        return new PopplerPdf(pages, sizes, [.. Enumerable.Range(0, pages).Select(i => i < texts.Length ? texts[i] : "")]);
    }

    /// <summary>The page's text layer when it holds at least <paramref name="minLetters"/> letters, else null; and its crop box in points.</summary>
    public string? TextLayer(int number, int minLetters, out double widthPoints, out double heightPoints)
    {
        (widthPoints, heightPoints) = sizes[number - 1];
        var text = texts[number - 1];
        return text.Count(char.IsLetterOrDigit) >= minLetters ? text.Trim() : null;
    }

    /// <summary>pdfinfo and pdftotext from wherever pdftoppm is configured to be (the same poppler install).</summary>
    private static string Sibling(OcrOptions options, string tool)
    {
        var directory = Path.GetDirectoryName(options.PdfToPpmPath);
        var name = tool + (OperatingSystem.IsWindows() ? ".exe" : "");
        return string.IsNullOrEmpty(directory) ? name : Path.Combine(directory, name);
    }

    private static string Invariant(int value) => value.ToString(CultureInfo.InvariantCulture);

    [GeneratedRegex(@"^Pages:\s+(\d+)\s*$", RegexOptions.Multiline | RegexOptions.CultureInvariant)]
    private static partial Regex PagesLine();

    [GeneratedRegex(@"^Page\s+(\d+)\s+CropBox:\s+(-?[\d.]+)\s+(-?[\d.]+)\s+(-?[\d.]+)\s+(-?[\d.]+)\s*$", RegexOptions.Multiline | RegexOptions.CultureInvariant)]
    private static partial Regex CropBoxLine();
}
