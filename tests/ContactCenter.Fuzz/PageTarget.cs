using ContactCenter.Channels.Ocr;
using ContactCenter.Core.Intake;

namespace ContactCenter.Fuzz;

/// <summary>
/// The page reader of the scan and fax channels up to, not including, Tesseract: format detection by magic bytes,
/// TIFF page count and header sizes through Leptonica, the page and pixel limits, Leptonica decoding and the page
/// preparation (greyscale, resolution, ink ratio). PDFs are read by poppler's pdfinfo and pdftotext in their own
/// processes (<see cref="PopplerPdf"/>): a PDF reaches the target only as far as giving them the file, since a crash
/// there is the tool's, refused with a reason. Tesseract's recognition (about 0.4 s a page) and pdftoppm's rendering
/// are left out: at that speed afl would run a few inputs a second. Steps and limits follow <see cref="DocumentTextReader"/> with default options.
/// </summary>
internal sealed class PageTarget : IFuzzTarget
{
    private readonly OcrOptions options = new();
    private readonly bool strict;

    public PageTarget(bool strict)
    {
        this.strict = strict;
        Channels.Ocr.Native.OcrLibraryResolver.Register(options.TesseractLibrary, options.LeptonicaLibrary);
        OcrEnvironmentCheck.LoadLibraries();
    }

    public void Run(byte[] input)
    {
        try
        {
            Read(input);
        }
        catch (InboundItemRejectedException ex) when (!strict || !Rejections.HideBug(ex))
        {
            // Refused with a reason: the scan goes to quarantine, the expected outcome for a hostile file.
        }
    }

    public void Dispose()
    {
    }

    private void Read(byte[] data)
    {
        if (data.Length == 0)
        {
            return;
        }

        switch (DocumentFormatDetector.Detect(data))
        {
            case DocumentFormat.Pdf:
                ReadPdf(data);
                break;
            case DocumentFormat.Unknown:
                break;
            case var format:
                ReadImage(data, format);
                break;
        }
    }

    private void ReadImage(byte[] data, DocumentFormat format)
    {
        var image = ImageDocument.Open(data, format);
        if (image.PageCount > options.MaxPages)
        {
            return;
        }

        for (var index = 0; index < image.PageCount; index++)
        {
            var (width, height) = image.PageSize(index);
            if ((long)width * height > options.MaxPixelsPerPage)
            {
                return;
            }

            using var pix = image.Decode(index);
            using var page = PageImage.Normalise(pix, options.FallbackDpi, DocumentTextReader.MinimumDpi, options.UpsampleBelowDpi, options.MaxDpi, options.MaxPixelsPerPage, out _);
            _ = PageImage.InkRatio(page);
        }
    }

    private void ReadPdf(byte[] data)
    {
        using var work = new TempFolder();
        var path = work.WriteAsync("document.pdf", data, CancellationToken.None).GetAwaiter().GetResult();
        var pdf = PopplerPdf.ReadAsync(path, options.MaxPages, options, CancellationToken.None).GetAwaiter().GetResult();
        if (pdf.PageCount > options.MaxPages)
        {
            return;
        }

        for (var number = 1; number <= pdf.PageCount; number++)
        {
            _ = pdf.TextLayer(number, options.MinTextLayerLetters, out _, out _);
        }
    }
}
