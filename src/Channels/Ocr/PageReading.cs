namespace ContactCenter.Channels.Ocr;

/// <summary>One reading of a page at a given rotation; <see cref="Attempts"/> counts the recognitions it took.</summary>
internal sealed record PageReading(RecognitionResult Result, int RotationDegrees, double SkewDegrees)
{
    public int Attempts { get; init; } = 1;

    /// <summary>
    /// Confidence weighted by how much was read: a page turned the wrong way may yield a few words read with fair
    /// confidence, the right way yields many.
    /// </summary>
    public double Score => Result.Confidence * Math.Sqrt(Result.LetterCount + 1);
}
