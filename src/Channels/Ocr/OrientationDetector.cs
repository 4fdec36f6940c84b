using ContactCenter.Channels.Ocr.Native;

namespace ContactCenter.Channels.Ocr;

/// <summary>
/// Tesseract's orientation and script detection (osd.traineddata, legacy engine), one per pool and shared by its
/// engines: it is needed only for the few pages read with low confidence, and each instance holds the legacy models
/// in memory, so one is loaded on first use and pages take turns on it.
/// </summary>
internal sealed class OrientationDetector(string tessdataPath) : IDisposable
{
    private const int OemTesseractOnly = 0;
    private const int PsmOsdOnly = 0;
    private readonly Lock gate = new();
    private TessBaseApiHandle? api;
    private bool unavailable;
    private bool disposed;

    /// <summary>Null when osd.traineddata is missing or the page has too little text.</summary>
    public OrientationGuess? Detect(PixHandle pix, int dpi)
    {
        lock (gate)
        {
            var detector = Api();
            if (detector is null)
            {
                return null;
            }

            TesseractApi.TessBaseAPISetImage2(detector, pix);
            TesseractApi.TessBaseAPISetSourceResolution(detector, dpi);
            try
            {
                if (TesseractApi.TessBaseAPIDetectOrientationScript(detector, out var degrees, out var confidence, IntPtr.Zero, IntPtr.Zero) == 0)
                {
                    return null;
                }

                return new OrientationGuess((360 - degrees) % 360, confidence);
            }
            finally
            {
                TesseractApi.TessBaseAPIClear(detector);
            }
        }
    }

    public void Dispose()
    {
        lock (gate)
        {
            disposed = true;
            api?.Dispose();
        }
    }

    private TessBaseApiHandle? Api()
    {
        ObjectDisposedException.ThrowIf(disposed, this);
        if (api is null && !unavailable)
        {
            if (!File.Exists(Path.Combine(tessdataPath, "osd.traineddata")))
            {
                unavailable = true;
                return null;
            }

            api = TesseractEngine.Init(tessdataPath, "osd", OemTesseractOnly);
            TesseractApi.TessBaseAPISetPageSegMode(api, PsmOsdOnly);
        }

        return api;
    }
}
