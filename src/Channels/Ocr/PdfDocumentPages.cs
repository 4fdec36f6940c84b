using ContactCenter.Core.Intake;
using UglyToad.PdfPig;
using UglyToad.PdfPig.DocumentLayoutAnalysis.TextExtractor;

namespace ContactCenter.Channels.Ocr;

/// <summary>
/// A PDF opened with PdfPig: pages with a real text layer are read directly, the others are left for OCR.
/// PdfPig is not thread-safe, so pages are visited one after the other.
/// </summary>
internal sealed class PdfDocumentPages : IDisposable
{
    private readonly PdfDocument document;

    private PdfDocumentPages(PdfDocument document) => this.document = document;

    public int PageCount => document.NumberOfPages;

    public static PdfDocumentPages Open(byte[] data)
    {
        try
        {
            return new PdfDocumentPages(PdfDocument.Open(data));
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            throw new InboundItemRejectedException($"corrupt PDF: {ex.Message}", ex);
        }
    }

    /// <summary>The page's text layer when it holds at least <paramref name="minLetters"/> letters, else null.</summary>
    public string? TextLayer(int number, int minLetters, out double widthPoints, out double heightPoints)
    {
        try
        {
            var page = document.GetPage(number);
            (widthPoints, heightPoints) = (page.Width, page.Height);
            var letters = page.Letters.Count(l => l.Value.Length > 0 && char.IsLetterOrDigit(l.Value[0]));
            return letters >= minLetters ? ContentOrderTextExtractor.GetText(page) : null;
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            throw new InboundItemRejectedException($"corrupt PDF: page {number} cannot be read: {ex.Message}", ex);
        }
    }

    public void Dispose() => document.Dispose();
}
