namespace ContactCenter.Channels.Ocr;

/// <summary>Settings of the OCR reader ("ContactCenter:Ocr"): libraries, languages, engine pool and limits.</summary>
internal sealed class OcrOptions
{
    public const string SectionName = "ContactCenter:Ocr";

    /// <summary>File name or path of libtesseract; empty tries the usual names for the platform.</summary>
    public string? TesseractLibrary { get; set; }

    /// <summary>File name or path of Leptonica; empty tries the usual names for the platform.</summary>
    public string? LeptonicaLibrary { get; set; }

    /// <summary>Folder holding the *.traineddata files.</summary>
    public string TessdataPath { get; set; } = DefaultTessdataPath();

    /// <summary>Tesseract languages joined by '+', e.g. "ita+eng".</summary>
    public string Languages { get; set; } = "ita+eng";

    public OcrPageSegMode PageSegMode { get; set; } = OcrPageSegMode.Auto;

    /// <summary>
    /// With <see cref="PageSegMode"/> Auto, a page whose words form one block of text lines (no column gap, table or
    /// picture, by Leptonica's word boxes) is read as <see cref="OcrPageSegMode.SingleBlock"/>, skipping Tesseract's
    /// column, table and picture finding: about a tenth less CPU on the bench's renders, at a small cost in words (99.46%
    /// against 99.64%: one more word missed on a skewed noisy page).
    /// </summary>
    public bool DetectSingleBlockPages { get; set; } = true;

    /// <summary>Engines (and so pages OCR'd at once); each holds its models in memory (~100 MB).</summary>
    public int EngineCount { get; set; } = Environment.ProcessorCount;

    public long MaxFileBytes { get; set; } = 100L * 1024 * 1024;

    public int MaxPages { get; set; } = 200;

    /// <summary>Pixels of one page before decoding it (an A4 page at 600 dpi is about 35 million).</summary>
    public long MaxPixelsPerPage { get; set; } = 60_000_000;

    public TimeSpan MaxOcrTimePerPage { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>Mean confidence (0..100) below which a document should be reviewed by a person.</summary>
    public double MinConfidence { get; set; } = 60;

    /// <summary>Resolution assumed when an image does not state one.</summary>
    public int FallbackDpi { get; set; } = 300;

    /// <summary>
    /// Pages whose lower resolution (of horizontal and vertical) is below this are upsampled to 300 dpi, e.g. a fax at
    /// normal resolution (204×98); at or above it a page is read at its own resolution made square, e.g. a fax at fine
    /// resolution (204×196): measured as accurate as upsampled, for about a quarter less CPU. 300 restores upsampling
    /// of everything below 300 dpi.
    /// </summary>
    public int UpsampleBelowDpi { get; set; } = 180;

    /// <summary>
    /// Pages scanned at a higher resolution are scaled down to this one before OCR: Tesseract is tuned for text at
    /// about 300 dpi, and a 600 dpi page costs twice the CPU (measured: 2.2 s against 1.15 s, 97.8% of the words read
    /// against 100%). Scaling 300 dpi pages further down saves CPU but loses small print (7 pt on a noisy scan: 99.3%
    /// of the words at 300 dpi, 81% at 240 or 204 dpi).
    /// </summary>
    public int MaxDpi { get; set; } = 300;

    /// <summary>
    /// Below this confidence at 0 degrees orientation detection is asked; unless it is sure the page is upright, the
    /// other orientations are tried and the best one kept.
    /// </summary>
    public double OrientationRetryConfidence { get; set; } = 75;

    /// <summary>
    /// Share of dark pixels (after trimming margins and specks) below which a page counts as blank. Measured: a noisy
    /// blank scan 0.0005%, a two-line note 0.065%, a letter 3%.
    /// </summary>
    public double BlankPageInkRatio { get; set; } = 0.0002;

    /// <summary>Letters a PDF page's text layer needs to be used instead of OCR.</summary>
    public int MinTextLayerLetters { get; set; } = 20;

    /// <summary>Resolution image-only PDF pages are rasterised at.</summary>
    public int PdfRasterDpi { get; set; } = 300;

    /// <summary>poppler's pdftoppm, by name on the PATH or as a full path.</summary>
    public string PdfToPpmPath { get; set; } = "pdftoppm";

    public TimeSpan RasterizeTimeout { get; set; } = TimeSpan.FromMinutes(1);

    private static string DefaultTessdataPath()
    {
        var prefix = Environment.GetEnvironmentVariable("TESSDATA_PREFIX");
        if (!string.IsNullOrWhiteSpace(prefix))
        {
            return prefix;
        }

        return OperatingSystem.IsWindows()
            ? Path.Combine(Native.OcrLibraryNames.WindowsInstallFolder, "tessdata")
            : "/usr/share/tesseract-ocr/5/tessdata";
    }
}
