using ContactCenter.Testing.Scans;

namespace ContactCenter.Workers.Tests.Corpus;

/// <summary>Hostile scanned files (images and PDFs) for the scan-folder channel.</summary>
internal static class ScanCorpus
{
    public static IReadOnlyList<CorpusCase> All { get; } =
    [
        Case("zero-byte-file", "scan.pdf", () => [], CorpusExpectation.Quarantine("empty file (0 bytes)")),
        Case("png-100000x100000", "scan.png", () => HostileDocuments.PngDeclaring(100_000, 100_000),
            CorpusExpectation.Quarantine("page 1 is 100000×100000 pixels, over the limit ContactCenter:Ocr:MaxPixelsPerPage")),
        Case("tiff-bad-offsets", "scan.tif", () => HostileDocuments.TiffWithBadOffsets(HostileScans.TinyTiff()), CorpusExpectation.Quarantine("corrupt TIFF")),
        Case("tiff-strip-past-end", "scan.tif", HostileScans.TiffWithStripPastEnd, CorpusExpectation.Quarantine("corrupt Tiff image: page 1 cannot be decoded")),
        Case("tiff-absurd-resolution", "scan.tif", HostileScans.TiffWithAbsurdResolution, CorpusExpectation.Ticket(t => t.TextBody.Should().NotBeNull())),
        Case("tiff-directory-loop", "scan.tif", HostileScans.TiffWithDirectoryLoop, CorpusExpectation.Ticket(t => t.TextBody.Should().NotBeNull())),
        Case("pdf-10000-pages", "scan.pdf", () => HostileDocuments.PdfWithEmptyPages(10_000),
            CorpusExpectation.Quarantine("10000 pages, over the limit ContactCenter:Ocr:MaxPages (200)")),
        Case("pdf-page-200-inches", "scan.pdf", () => HostileDocuments.PdfWithHugePage(200), CorpusExpectation.Quarantine("MaxPixelsPerPage")),
        Case("pdf-garbage", "scan.pdf", HostileScans.PdfGarbage, CorpusExpectation.Quarantine("corrupt PDF")),
        Case("pdf-page-tree-loop", "scan.pdf", HostileScans.PdfWithPageTreeLoop, CorpusExpectation.Quarantine("corrupt PDF: 0 of its 2 pages can be reached (Syntax Error: Loop in Pages tree")),
        Case("pdf-billion-pages", "scan.pdf", HostileScans.PdfClaimingBillionPages, CorpusExpectation.Quarantine("corrupt PDF (exit 99): Syntax Error: Page count (1000000000) larger than number of objects")),
        Case("pdf-text-layer", "scan.pdf", () => HostileScans.Pdf(
                "<< /Type /Catalog /Pages 2 0 R >>", "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
                "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>",
                "<< /Length 64 >>\nstream\nBT /F1 12 Tf 72 700 Td (Segnalazione frana in via Roma 12) Tj ET\nendstream",
                "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"),
            CorpusExpectation.Ticket(t => t.TextBody.Should().Contain("Segnalazione frana in via Roma 12"))),
        Case("jpeg-header-only", "scan.jpg", HostileScans.JpegHeaderOnly, CorpusExpectation.Quarantine("corrupt Jpeg image")),
        Case("text-named-pdf", "scan.pdf", HostileScans.Text, CorpusExpectation.Quarantine("unsupported format: scan-text-named-pdf.pdf is not a TIFF, PNG, JPEG or PDF")),
        Case("png-truncated", "scan.png", () => HostileDocuments.PngDeclaring(64, 64)[..40], CorpusExpectation.Quarantine("corrupt Png image")),
        Case("png-text-chunk-2gb", "scan.png", () => HostileDocuments.PngWithChunk(HostileDocuments.PngDeclaring(120, 40), "tEXt", "date:modify\0"u8.ToArray(), 0x7F00_0025),
            CorpusExpectation.Quarantine("corrupt Png image: its tEXt chunk declares 2130706469 bytes")),
    ];

    private static CorpusCase Case(string name, string fileName, Func<byte[]> generate, CorpusExpectation expected) =>
        new(name, $"scan-{name}{Path.GetExtension(fileName)}", generate, expected);
}
