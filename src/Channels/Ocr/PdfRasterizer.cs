using System.Globalization;

namespace ContactCenter.Channels.Ocr;

/// <summary>
/// Renders one PDF page to PNG with poppler's pdftoppm, in its own process with a time limit (<see cref="PopplerTool"/>).
/// The page comes back on pdftoppm's standard output, never through a file: on a full disk pdftoppm exited 0 with the
/// file cut short, or died in libpng, and a page that never touches the disk cannot be cut by it. The crop box is
/// rendered, the box whose size was checked against the pixel limit (<see cref="PopplerPdf"/>).
/// </summary>
internal sealed class PdfRasterizer(OcrOptions options)
{
    public async Task<byte[]> RenderAsync(string pdfPath, int pageNumber, CancellationToken cancellationToken)
    {
        // A PNG of the largest page allowed is well under 4 bytes a pixel; past that the renderer is not drawing that page.
        var maxBytes = (options.MaxPixelsPerPage * 4) + (1024 * 1024);
        var (png, _) = await PopplerTool.RunAsync(options.PdfToPpmPath,
            ["-r", Invariant(options.PdfRasterDpi), "-f", Invariant(pageNumber), "-l", Invariant(pageNumber), "-cropbox", "-png", "-singlefile", pdfPath],
            options.RasterizeTimeout, maxBytes, $"PDF page {pageNumber} cannot be rendered", cancellationToken).ConfigureAwait(false);
        return png.Length > 0 ? png : throw new Core.Intake.InboundItemRejectedException($"PDF page {pageNumber} cannot be rendered: pdftoppm wrote nothing");
    }

    private static string Invariant(int value) => value.ToString(CultureInfo.InvariantCulture);
}
