using System.Diagnostics;
using System.Runtime.InteropServices;
using ContactCenter.Channels.Ocr.Native;
using ContactCenter.Core.Intake;

namespace ContactCenter.Channels.Ocr;

/// <summary>
/// One initialised TessBaseAPI with its models loaded. Not thread-safe: the pool lends it to one page at a time.
/// Orientation detection goes to an <see cref="OrientationDetector"/>, shared with the pool's other engines.
/// </summary>
internal sealed unsafe class TesseractEngine : IDisposable
{
    private const int OemLstmOnly = 1;
    private readonly TessBaseApiHandle api;
    private readonly OcrPageSegMode mode;
    private readonly OrientationDetector orientation;
    private readonly bool ownsOrientation;

    private TesseractEngine(int id, TessBaseApiHandle api, OcrPageSegMode mode, OrientationDetector orientation, bool ownsOrientation)
    {
        Id = id;
        this.api = api;
        this.mode = mode;
        this.orientation = orientation;
        this.ownsOrientation = ownsOrientation;
    }

    public int Id { get; }

    /// <summary>An engine; without <paramref name="orientation"/> it gets a detector of its own.</summary>
    public static TesseractEngine Create(
        int id, string tessdataPath, string languages, OcrPageSegMode mode, OrientationDetector? orientation = null, IReadOnlyDictionary<string, string>? variables = null)
    {
        var api = Init(tessdataPath, languages, OemLstmOnly);
        foreach (var (name, value) in variables ?? new Dictionary<string, string>())
        {
            if (TesseractApi.TessBaseAPISetVariable(api, name, value) == 0)
            {
                api.Dispose();
                throw new OcrUnavailableException($"Tesseract has no variable \"{name}\"");
            }
        }

        return new TesseractEngine(id, api, mode, orientation ?? new OrientationDetector(tessdataPath), ownsOrientation: orientation is null);
    }

    /// <summary>
    /// Recognises the page with the engine's page segmentation mode, or <paramref name="layout"/> for this page only;
    /// throws <see cref="OcrTimeoutException"/> past the deadline.
    /// </summary>
    public RecognitionResult Recognize(PixHandle pix, int dpi, TimeSpan deadline, CancellationToken cancellationToken, OcrPageSegMode? layout = null)
    {
        using var monitor = TesseractApi.TessMonitorCreate();
        var token = GCHandle.Alloc(cancellationToken);
        try
        {
            TesseractApi.TessMonitorSetCancelFunc(monitor, &IsCancelled);
            TesseractApi.TessMonitorSetCancelThis(monitor, GCHandle.ToIntPtr(token));
            TesseractApi.TessMonitorSetDeadlineMSecs(monitor, (int)Math.Clamp(deadline.TotalMilliseconds, 1, int.MaxValue));
            TesseractApi.TessBaseAPISetPageSegMode(api, (int)(layout ?? mode));
            TesseractApi.TessBaseAPISetImage2(api, pix);
            TesseractApi.TessBaseAPISetSourceResolution(api, dpi);
            var started = Stopwatch.GetTimestamp();
            var status = TesseractApi.TessBaseAPIRecognize(api, monitor);
            cancellationToken.ThrowIfCancellationRequested();
            if (status != 0)
            {
                // Recognize also fails, quickly, on an image it cannot segment at all.
                throw Stopwatch.GetElapsedTime(started) >= deadline
                    ? new OcrTimeoutException($"recognition stopped after {deadline}")
                    : new InboundItemRejectedException("Tesseract cannot read the page image");
            }

            using var text = TesseractApi.TessBaseAPIGetUTF8Text(api);
            var confidence = TesseractApi.TessBaseAPIMeanTextConf(api);
            return new RecognitionResult(text.ReadUtf8(), Math.Max(confidence, 0), TextRotation());
        }
        finally
        {
            TesseractApi.TessBaseAPIClear(api);
            token.Free();
        }
    }

    /// <summary>Orientation and script detection; null when osd.traineddata is missing or the page has too little text.</summary>
    public OrientationGuess? DetectOrientation(PixHandle pix, int dpi) => orientation.Detect(pix, dpi);

    public void Dispose()
    {
        api.Dispose();
        if (ownsOrientation)
        {
            orientation.Dispose();
        }
    }

    internal static TessBaseApiHandle Init(string tessdataPath, string languages, int oem)
    {
        var api = TesseractApi.TessBaseAPICreate();
        if (api.IsInvalid)
        {
            throw new OcrUnavailableException("TessBaseAPICreate failed");
        }

        // Tesseract writes its diagnostics (e.g. "Estimating resolution") to stderr unless told otherwise.
        TesseractApi.TessBaseAPISetVariable(api, "debug_file", OperatingSystem.IsWindows() ? "NUL" : "/dev/null");
        if (TesseractApi.TessBaseAPIInit2(api, tessdataPath, languages, oem) != 0)
        {
            api.Dispose();
            throw new OcrUnavailableException($"Tesseract could not load \"{languages}\" from {tessdataPath} (ContactCenter:Ocr:TessdataPath, ContactCenter:Ocr:Languages).");
        }

        return api;
    }

    /// <summary>
    /// Tesseract's layout analysis reads a page turned 90 degrees clockwise by itself (measured on 5.3.0: the other
    /// way round it reads nothing) and reports boxes in the original image, so text lines taller than wide mean the
    /// page needed a 270 degree clockwise turn.
    /// </summary>
    private int TextRotation()
    {
        const int TextLine = 2;
        var results = TesseractApi.TessBaseAPIGetIterator(api);
        if (results == IntPtr.Zero)
        {
            return 0;
        }

        try
        {
            var lines = TesseractApi.TessResultIteratorGetPageIterator(results);
            var (upright, sideways) = (0, 0);
            do
            {
                if (TesseractApi.TessPageIteratorBoundingBox(lines, TextLine, out var left, out var top, out var right, out var bottom) != 0)
                {
                    _ = bottom - top > 2 * (right - left) ? sideways++ : upright++;
                }
            }
            while (TesseractApi.TessPageIteratorNext(lines, TextLine) != 0);
            return sideways > upright ? 270 : 0;
        }
        finally
        {
            TesseractApi.TessResultIteratorDelete(results);
        }
    }

    [UnmanagedCallersOnly]
    private static byte IsCancelled(nint state, int words) =>
        GCHandle.FromIntPtr(state).Target is CancellationToken { IsCancellationRequested: true } ? (byte)1 : (byte)0;
}
