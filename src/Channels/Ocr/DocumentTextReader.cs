using ContactCenter.Channels.Ocr.Native;
using ContactCenter.Core.Diagnostics;
using ContactCenter.Core.Intake;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ContactCenter.Channels.Ocr;

/// <summary>
/// Reads scans and faxes: checks size, format, page count and pixels before decoding anything, then OCRs the pages
/// in parallel on the engine pool (PDF text layers are taken as they are).
/// </summary>
internal sealed partial class DocumentTextReader : IDocumentTextReader
{
    /// <summary>Faxes at normal resolution (98 dpi) and low-resolution scans read better upsampled to the resolution Tesseract is tuned for.</summary>
    internal const int MinimumDpi = 300;

    /// <summary>Smaller images are icons or junk, and Leptonica's margin trimming needs some pixels to work on.</summary>
    private const int MinimumSide = 32;

    private readonly TesseractEnginePool pool;
    private readonly OcrOptions options;
    private readonly TimeProvider time;
    private readonly ILogger<DocumentTextReader> logger;
    private readonly PageRecognizer recognizer;
    private readonly PdfRasterizer rasterizer;
    private readonly IngestMetrics? metrics;

    public DocumentTextReader(
        TesseractEnginePool pool, IOptions<OcrOptions> options, TimeProvider time, ILogger<DocumentTextReader> logger, IngestMetrics? metrics = null)
    {
        this.metrics = metrics;
        this.pool = pool;
        this.options = options.Value;
        this.time = time;
        this.logger = logger;
        recognizer = new PageRecognizer(this.options, time);
        rasterizer = new PdfRasterizer(this.options);
    }

    internal TesseractEnginePool Pool => pool;

    public async Task<DocumentText> ReadAsync(Stream content, string fileName, CancellationToken cancellationToken)
    {
        var started = time.GetTimestamp();
        var data = await BoundedStreamReader.ReadAsync(content, options.MaxFileBytes, cancellationToken).ConfigureAwait(false);
        if (data.Length == 0)
        {
            throw new InboundItemRejectedException("empty file (0 bytes)");
        }

        var format = DocumentFormatDetector.Detect(data);
        OcrEnvironmentCheck.LoadLibraries();
        var pages = format switch
        {
            DocumentFormat.Pdf => await ReadPdfAsync(data, cancellationToken).ConfigureAwait(false),
            DocumentFormat.Unknown => throw new InboundItemRejectedException(
                $"unsupported format: {SafeFileName.From(fileName, "document")} is not a TIFF, PNG, JPEG or PDF file (by its first bytes)"),
            _ => await ReadImagesAsync(data, format, cancellationToken).ConfigureAwait(false),
        };
        var document = new DocumentText(pages);
        LogRead(logger, format, pages.Count, pages.Count(p => p.IsBlank), document.MeanConfidence, time.GetElapsedTime(started).TotalSeconds);
        return document;
    }

    private async Task<IReadOnlyList<PageText>> ReadImagesAsync(byte[] data, DocumentFormat format, CancellationToken cancellationToken)
    {
        var image = ImageDocument.Open(data, format);
        RequirePageCount(image.PageCount);
        using var scheduler = new PageScheduler(pool, options, cancellationToken);
        try
        {
            for (var index = 0; index < image.PageCount; index++)
            {
                var (width, height) = image.PageSize(index);
                RequirePixels(index + 1, width, height);

                // Decoded here, one page at a time; the page's task owns the image from then on.
                var pix = image.Decode(index);
                var number = index + 1;
                try
                {
                    await scheduler.AddAsync(number, (engine, token) =>
                    {
                        using (pix)
                        {
                            return Task.FromResult(ReadPage(engine, pix, number, token));
                        }
                    }).ConfigureAwait(false);
                }
                catch
                {
                    pix.Dispose();
                    throw;
                }
            }
        }
        catch
        {
            await scheduler.AbandonAsync().ConfigureAwait(false);
            throw;
        }

        return await scheduler.CompleteAsync().ConfigureAwait(false);
    }

    private async Task<IReadOnlyList<PageText>> ReadPdfAsync(byte[] data, CancellationToken cancellationToken)
    {
        using var work = new TempFolder();
        // poppler's tools read a file: the copy every step of this PDF reads, out of process.
        var path = await work.WriteAsync("document.pdf", data, cancellationToken).ConfigureAwait(false);
        var pdf = await PopplerPdf.ReadAsync(path, options.MaxPages, options, cancellationToken).ConfigureAwait(false);
        RequirePageCount(pdf.PageCount);
        if (pdf.PageCount == 0)
        {
            throw new InboundItemRejectedException("corrupt PDF: no pages");
        }

        using var scheduler = new PageScheduler(pool, options, cancellationToken);
        try
        {
            await SchedulePdfPagesAsync(pdf, path, scheduler).ConfigureAwait(false);
        }
        catch
        {
            await scheduler.AbandonAsync().ConfigureAwait(false);
            throw;
        }

        return await scheduler.CompleteAsync().ConfigureAwait(false);
    }

    private async Task SchedulePdfPagesAsync(PopplerPdf pdf, string pdfPath, PageScheduler scheduler)
    {
        for (var number = 1; number <= pdf.PageCount; number++)
        {
            var text = pdf.TextLayer(number, options.MinTextLayerLetters, out var widthPoints, out var heightPoints);
            if (text is not null)
            {
                scheduler.Add(new PageText(number, text, 100, PageTextSource.TextLayer, 0, 0, IsBlank: false));
                continue;
            }

            var scale = options.PdfRasterDpi / 72.0;
            RequirePixels(number, (long)Math.Round(widthPoints * scale), (long)Math.Round(heightPoints * scale));
            var pageNumber = number;
            await scheduler.AddAsync(number, async (engine, token) =>
            {
                var png = await rasterizer.RenderAsync(pdfPath, pageNumber, token).ConfigureAwait(false);
                var image = ImageDocument.Open(png, DocumentFormat.Png);
                var (width, height) = image.PageSize(0);
                RequirePixels(pageNumber, width, height); // what was rendered, not only what the PDF declared
                using var pix = image.Decode(0);
                return ReadPage(engine, pix, pageNumber, token);
            }).ConfigureAwait(false);
        }
    }

    private PageText ReadPage(TesseractEngine engine, PixHandle pix, int number, CancellationToken cancellationToken)
    {
        var started = time.GetTimestamp();
        using var page = PageImage.Normalise(pix, options.FallbackDpi, MinimumDpi, options.UpsampleBelowDpi, options.MaxDpi, options.MaxPixelsPerPage, out var dpi);

        // The decoded original is not needed past this point; released now, not after recognition (a 300 dpi A4 page is 8.7 MB).
        pix.Dispose();
        int upright;
        using (var binary = PageImage.Binarise(page))
        {
            // One binarisation for both questions: is the page blank, and which way up is it.
            var ink = PageImage.InkRatioOfBinary(binary);
            if (ink < options.BlankPageInkRatio)
            {
                LogBlank(logger, number, ink);
                return new PageText(number, string.Empty, 0, PageTextSource.Ocr, 0, 0, IsBlank: true);
            }

            upright = PageImage.UprightRotationOfBinary(binary, dpi);
        }

        var reading = recognizer.Recognize(engine, page, dpi, cancellationToken, upright);

        var elapsed = time.GetElapsedTime(started);
        metrics?.OcrPageRead(elapsed);
        LogPage(logger, number, reading.Result.Confidence, reading.RotationDegrees, reading.SkewDegrees, reading.Attempts, elapsed.TotalSeconds);
        return new PageText(number, reading.Result.Text.TrimEnd(), reading.Result.Confidence, PageTextSource.Ocr, reading.RotationDegrees, reading.SkewDegrees, IsBlank: false);
    }

    private void RequirePageCount(int count)
    {
        if (count > options.MaxPages)
        {
            throw new InboundItemRejectedException($"{count} pages, over the limit {OcrOptions.SectionName}:MaxPages ({options.MaxPages})");
        }
    }

    private void RequirePixels(int number, long width, long height)
    {
        if (width < MinimumSide || height < MinimumSide)
        {
            throw new InboundItemRejectedException($"page {number} is {width}×{height} pixels, too small to hold text");
        }

        if (width * height > options.MaxPixelsPerPage)
        {
            throw new InboundItemRejectedException(
                $"page {number} is {width}×{height} pixels, over the limit {OcrOptions.SectionName}:MaxPixelsPerPage ({options.MaxPixelsPerPage:N0})");
        }
    }

    [LoggerMessage(EventId = 1410, Level = LogLevel.Information, Message = "Read {Format} document: {Pages} pages ({BlankPages} blank), mean confidence {Confidence:F0}, {Seconds:F2} s")]
    private static partial void LogRead(ILogger logger, DocumentFormat format, int pages, int blankPages, double confidence, double seconds);

    [LoggerMessage(EventId = 1411, Level = LogLevel.Debug, Message = "Page {Page}: confidence {Confidence:F0}, rotated {Rotation}°, deskewed {Skew}°, {Attempts} recognitions, {Seconds:F2} s")]
    private static partial void LogPage(ILogger logger, int page, double confidence, int rotation, double skew, int attempts, double seconds);

    [LoggerMessage(EventId = 1412, Level = LogLevel.Debug, Message = "Page {Page} is blank (ink {InkRatio:P3})")]
    private static partial void LogBlank(ILogger logger, int page, double inkRatio);
}
