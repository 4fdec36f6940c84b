using ContactCenter.Channels.Ocr.Native;
using ContactCenter.Core.Intake;

namespace ContactCenter.Channels.Ocr;

/// <summary>Leptonica steps that prepare a decoded page for Tesseract. Each returns a new image the caller owns.</summary>
internal static class PageImage
{
    /// <summary>Beyond this a resolution tag is not believed (scanners stop at 2400 dpi optical, 4800 interpolated).</summary>
    private const int MaxTrustedDpi = 4800;

    /// <summary>Beyond this ratio of horizontal to vertical resolution a tag is not believed (fax normal is ~2:1).</summary>
    private const int MaxTrustedAspect = 4;

    /// <summary>
    /// Greyscale with square pixels: a fax at normal resolution (204×98 dpi) is stretched vertically, otherwise every
    /// text line is half as tall as Tesseract expects. Pages whose lower resolution is below
    /// <paramref name="upsampleBelowDpi"/> are upsampled to <paramref name="minimumDpi"/>; the others are read at their
    /// own resolution (a fine fax at 204 dpi reads as well as upsampled to 300, for about a quarter less CPU). Pages
    /// above <paramref name="maxDpi"/> are scaled down to it: a 600 dpi letter read at 300 dpi took half the CPU and
    /// read 100% of its words instead of 97.8%.
    /// </summary>
    public static PixHandle Normalise(PixHandle pix, int fallbackDpi, int minimumDpi, int upsampleBelowDpi, int maxDpi, long maxPixels, out int dpi)
    {
        var (xres, yres) = (pix.XRes, pix.YRes);
        xres = xres > 0 ? xres : yres > 0 ? yres : fallbackDpi;
        yres = yres > 0 ? yres : xres;
        if (Math.Max(xres, yres) > MaxTrustedDpi || Math.Max(xres, yres) > MaxTrustedAspect * Math.Min(xres, yres))
        {
            // Found by fuzzing: a 236-byte fax TIFF claiming 51×16,711,800 dpi was stretched to 31 million pixels
            // wide (1 GB, 9 s). Faxes differ by about 2:1 (204×98 dpi); tags far beyond that are nonsense.
            (xres, yres) = (fallbackDpi, fallbackDpi);
        }

        dpi = Math.Max(xres, yres);
        var scaleX = (float)dpi / xres;
        var scaleY = (float)dpi / yres;
        var upsampled = (double)pix.Width * pix.Height * scaleX * scaleY * minimumDpi * minimumDpi / ((double)dpi * dpi);
        if (Math.Min(xres, yres) < upsampleBelowDpi && dpi < minimumDpi && upsampled <= maxPixels)
        {
            scaleX *= (float)minimumDpi / dpi;
            scaleY *= (float)minimumDpi / dpi;
            dpi = minimumDpi;
        }

        if (dpi > maxDpi)
        {
            scaleX *= (float)maxDpi / dpi;
            scaleY *= (float)maxDpi / dpi;
            dpi = maxDpi;
        }

        var target = (double)pix.Width * scaleX * pix.Height * scaleY;
        if (target > maxPixels)
        {
            throw new InboundItemRejectedException(
                $"page of {pix.Width}×{pix.Height} pixels at {xres}×{yres} dpi would be {target:N0} pixels with square pixels, over the limit {OcrOptions.SectionName}:MaxPixelsPerPage ({maxPixels:N0})");
        }

        // A page already grey without a palette (most scans) is shared, not copied: pixConvertTo8 would copy its 8.7 MB
        // (300 dpi A4), a fresh mapping whose every page faults in.
        var grey = IsPlainGrey(pix)
            ? Checked(LeptonicaApi.pixClone(pix), "share")
            : Checked(LeptonicaApi.pixConvertTo8(pix, 0), "convert to greyscale");
        if (scaleX == 1 && scaleY == 1)
        {
            LeptonicaApi.pixSetResolution(grey, dpi, dpi);
            return grey;
        }

        using (grey)
        {
            var scaled = Checked(LeptonicaApi.pixScale(grey, scaleX, scaleY), "scale");
            LeptonicaApi.pixSetResolution(scaled, dpi, dpi);
            return scaled;
        }
    }

    /// <summary>Share of dark pixels inside the margins, after removing specks of scanner or line noise.</summary>
    public static double InkRatio(PixHandle grey)
    {
        using var binary = Binarise(grey);
        return InkRatioOfBinary(binary);
    }

    /// <summary>The black-and-white image <see cref="InkRatioOfBinary"/> and <see cref="UprightRotationOfBinary"/> read, made once per page.</summary>
    public static PixHandle Binarise(PixHandle grey, int threshold = 128) =>
        // pixConvertTo1 first copies an 8 bpp page whole (through pixConvertTo8), then thresholds the copy: 8.7 MB of
        // fresh memory for an A4 page at 300 dpi, faulted in and zeroed, at every call (5% of the OCR's CPU). A grey
        // page without a palette, as Normalise makes them, is thresholded where it lies: the same bits.
        Checked(IsPlainGrey(grey) ? LeptonicaApi.pixThresholdToBinary(grey, threshold) : LeptonicaApi.pixConvertTo1(grey, threshold), "binarise");

    /// <summary>8 bpp without a palette: what <see cref="Normalise"/> returns.</summary>
    public static bool IsPlainGrey(PixHandle pix) => LeptonicaApi.pixGetDepth(pix) == 8 && LeptonicaApi.pixGetColormap(pix) == 0;

    /// <summary><see cref="InkRatio"/> of a page already binarised by <see cref="Binarise"/>.</summary>
    public static double InkRatioOfBinary(PixHandle binary)
    {
        var (width, height) = (binary.Width, binary.Height);
        var box = LeptonicaApi.boxCreate(width / 20, height / 20, width * 9 / 10, height * 9 / 10);
        try
        {
            using var inner = Checked(LeptonicaApi.pixClipRectangle(binary, box, IntPtr.Zero), "clip margins");
            using var cleaned = Checked(LeptonicaApi.pixOpenBrick(IntPtr.Zero, inner, 3, 3), "remove specks");
            LeptonicaApi.pixCountPixels(cleaned, out var ink, IntPtr.Zero);
            return (double)ink / ((long)cleaned.Width * cleaned.Height);
        }
        finally
        {
            LeptonicaApi.boxDestroy(ref box);
        }
    }

    /// <summary>
    /// The clockwise turn that makes the page's text upright, from Leptonica's count of ascenders against descenders
    /// (Bloomberg's method): about 0.02 s on an A4 page, against 0.4 s for Tesseract's orientation detection and 1.3 s
    /// for a recognition wasted on a page upside down. 0 when the page holds too little text to tell. Pages of 250 dpi
    /// and more are halved first: the method is meant for 150–300 dpi and measured as sure on the halved fixtures.
    /// </summary>
    public static int UprightRotation(PixHandle grey, int dpi)
    {
        using var binary = Binarise(grey);
        return UprightRotationOfBinary(binary, dpi);
    }

    /// <summary><see cref="UprightRotation"/> of a page already binarised by <see cref="Binarise"/>.</summary>
    public static int UprightRotationOfBinary(PixHandle binary, int dpi)
    {
        using var halved = dpi >= 250 ? Checked(LeptonicaApi.pixScale(binary, 0.5f, 0.5f), "reduce") : null;
        if (LeptonicaApi.pixOrientDetect(halved ?? binary, out var up, out var left, 0, 0) != 0
            || LeptonicaApi.makeOrientDecision(up, left, 0, 0, out var orientation, 0) != 0)
        {
            return 0;
        }

        return orientation is >= 1 and <= 4 ? (orientation - 1) * 90 : 0;
    }

    public static PixHandle RotateClockwise(PixHandle pix, int degrees) =>
        Checked(LeptonicaApi.pixRotateOrth(pix, degrees / 90 % 4), "rotate");

    internal static PixHandle Checked(PixHandle result, string step)
    {
        if (result.IsInvalid)
        {
            result.Dispose();
            throw new InboundItemRejectedException($"the page image cannot be processed (Leptonica failed to {step} it)");
        }

        return result;
    }
}
