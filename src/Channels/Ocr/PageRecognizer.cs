using ContactCenter.Channels.Ocr.Native;

namespace ContactCenter.Channels.Ocr;

/// <summary>
/// OCRs one prepared page, straightening it first. Tesseract 5.3's orientation detection is not trusted on its own:
/// it only orders the rotations tried when the upright reading has low confidence, and the best-scoring reading wins.
/// </summary>
internal sealed class PageRecognizer(OcrOptions options, TimeProvider time)
{
    private static readonly int[] Rotations = [180, 90, 270];

    public PageReading Recognize(TesseractEngine engine, PixHandle page, int dpi, CancellationToken cancellationToken)
    {
        var started = time.GetTimestamp();
        var best = Attempt(engine, page, dpi, 0, started, cancellationToken);
        if (best.Result.Confidence >= options.OrientationRetryConfidence)
        {
            return best;
        }

        var guess = engine.DetectOrientation(page, dpi);
        var order = guess is { RotateClockwiseDegrees: not 0 } g ? Rotations.Prepend(g.RotateClockwiseDegrees).Distinct() : Rotations;
        foreach (var rotation in order)
        {
            var reading = Attempt(engine, page, dpi, rotation, started, cancellationToken);
            if (reading.Score > best.Score)
            {
                best = reading;
            }

            if (best.Result.Confidence >= options.OrientationRetryConfidence)
            {
                break;
            }
        }

        return best;
    }

    private PageReading Attempt(TesseractEngine engine, PixHandle page, int dpi, int rotation, long started, CancellationToken cancellationToken)
    {
        var remaining = options.MaxOcrTimePerPage - time.GetElapsedTime(started);
        if (remaining <= TimeSpan.Zero)
        {
            throw new OcrTimeoutException($"recognition took longer than {options.MaxOcrTimePerPage}");
        }

        using var rotated = rotation == 0 ? null : PageImage.RotateClockwise(page, rotation);
        using var straight = PageImage.Deskew(rotated ?? page, out var skew);
        var result = engine.Recognize(straight, dpi, remaining, cancellationToken);
        return new PageReading(result, (rotation + result.TextRotationDegrees) % 360, skew);
    }
}
