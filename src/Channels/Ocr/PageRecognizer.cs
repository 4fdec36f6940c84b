using ContactCenter.Channels.Ocr.Native;

namespace ContactCenter.Channels.Ocr;

/// <summary>
/// OCRs one prepared page, straightening it first. The page is turned the way Leptonica's ascender count says before
/// the first recognition, so a page upside down costs one recognition, not two. A page read with good confidence is
/// done in one pass. Below <see cref="OcrOptions.OrientationRetryConfidence"/> orientation detection is asked: when it
/// is sure the page already lies the way it was read, the page is just a poor one and other rotations cannot help;
/// otherwise its guess is tried first and the other rotations after it (Tesseract 5.3's detection is not trusted on
/// its own), the best-scoring reading winning.
/// </summary>
internal sealed class PageRecognizer(OcrOptions options, TimeProvider time)
{
    /// <summary>
    /// Tesseract's own margin for acting on its orientation guess (<c>min_orientation_margin</c>). Measured on the
    /// fixtures: upright letters and faxes 11–19, a page turned 180° 15.
    /// </summary>
    internal const double SureOrientationConfidence = 7;

    private static readonly int[] Rotations = [0, 180, 90, 270];

    /// <param name="upright">The turn <see cref="PageImage.UprightRotation"/> found, when the caller already asked it.</param>
    public PageReading Recognize(TesseractEngine engine, PixHandle page, int dpi, CancellationToken cancellationToken, int? upright = null)
    {
        var started = time.GetTimestamp();
        var first = upright ?? PageImage.UprightRotation(page, dpi);
        var best = Attempt(engine, page, dpi, first, started, cancellationToken);
        if (best.Result.Confidence >= options.OrientationRetryConfidence)
        {
            return best;
        }

        var guess = engine.DetectOrientation(page, dpi);
        if (guess is { Confidence: >= SureOrientationConfidence } sure && sure.RotateClockwiseDegrees == first)
        {
            return best;
        }

        var attempts = 1;
        var others = Rotations.Where(r => r != first);
        var order = guess is { } g && g.RotateClockwiseDegrees != first ? others.Prepend(g.RotateClockwiseDegrees).Distinct() : others;
        foreach (var rotation in order)
        {
            var reading = Attempt(engine, page, dpi, rotation, started, cancellationToken);
            attempts++;
            if (reading.Score > best.Score)
            {
                best = reading;
            }

            if (best.Result.Confidence >= options.OrientationRetryConfidence)
            {
                break;
            }
        }

        return best with { Attempts = attempts };
    }

    private PageReading Attempt(TesseractEngine engine, PixHandle page, int dpi, int rotation, long started, CancellationToken cancellationToken)
    {
        var remaining = options.MaxOcrTimePerPage - time.GetElapsedTime(started);
        if (remaining <= TimeSpan.Zero)
        {
            throw new OcrTimeoutException($"recognition took longer than {options.MaxOcrTimePerPage}");
        }

        PixHandle straight;
        double skew;
        using (var rotated = rotation == 0 ? null : PageImage.RotateClockwise(page, rotation))
        {
            // The turned copy is released before recognition: Leptonica counts references, so a deskew that found
            // nothing to straighten keeps it alive through its clone.
            straight = PageDeskew.Straighten(rotated ?? page, out skew);
        }

        using (straight)
        {
            var layout = options.PageSegMode == OcrPageSegMode.Auto && options.DetectSingleBlockPages && PageLayout.IsSingleBlock(straight, dpi)
                ? OcrPageSegMode.SingleBlock
                : (OcrPageSegMode?)null;
            var result = engine.Recognize(straight, dpi, remaining, cancellationToken, layout);
            return new PageReading(result, (rotation + result.TextRotationDegrees) % 360, skew);
        }
    }
}
