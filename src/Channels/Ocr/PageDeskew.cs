using ContactCenter.Channels.Ocr.Native;

namespace ContactCenter.Channels.Ocr;

/// <summary>
/// Straightens a page scanned a few degrees off, as Leptonica's <c>pixFindSkewAndDeskew</c> does, with the same
/// parameters and thresholds, but binarising a grey page without copying it first: that function goes through
/// <c>pixConvertTo1</c>, which copies the whole 8 bpp page before thresholding it (see <see cref="PageImage.Binarise"/>).
/// </summary>
internal static class PageDeskew
{
    // Leptonica's own values in pixDeskewGeneral (skew.c): binarisation threshold, and the angle and confidence below
    // which a page is left as it is. pixFindSkew searches with the reductions pixFindSkewAndDeskew(pix, 2) uses.
    private const int BinaryThreshold = 130;
    private const float MinAngle = 0.1f;
    private const float MinConfidence = 3f;
    private const int RotateAreaMap = 1;
    private const int BringInWhite = 1;
    private const float DegreesToRadians = (float)(3.1415926535 / 180.0);

    /// <summary>A straightened copy, or a clone when the skew is negligible or uncertain; <paramref name="angle"/> is then 0.</summary>
    public static PixHandle Straighten(PixHandle pix, out double angle)
    {
        angle = 0;
        if (!PageImage.IsPlainGrey(pix))
        {
            return WithLeptonicasOwn(pix, out angle);
        }

        float found, confidence;
        using (var binary = PageImage.Binarise(pix, BinaryThreshold))
        {
            if (LeptonicaApi.pixFindSkew(binary, out found, out confidence) != 0)
            {
                return Unchanged(pix);
            }
        }

        if (Math.Abs(found) < MinAngle || confidence < MinConfidence)
        {
            return Unchanged(pix);
        }

        var rotated = LeptonicaApi.pixRotate(pix, DegreesToRadians * found, RotateAreaMap, BringInWhite, 0, 0);
        if (rotated.IsInvalid)
        {
            rotated.Dispose();
            return Unchanged(pix);
        }

        angle = Math.Round(found, 2);
        return rotated;
    }

    /// <summary>The page itself, shared, as Leptonica returns it when there is nothing to straighten.</summary>
    private static PixHandle Unchanged(PixHandle pix) => PageImage.Checked(LeptonicaApi.pixClone(pix), "share");

    private static PixHandle WithLeptonicasOwn(PixHandle pix, out double angle)
    {
        var deskewed = PageImage.Checked(LeptonicaApi.pixFindSkewAndDeskew(pix, 2, out var found, out var confidence), "deskew");
        angle = confidence >= MinConfidence && Math.Abs(found) >= MinAngle ? Math.Round(found, 2) : 0;
        return deskewed;
    }
}
