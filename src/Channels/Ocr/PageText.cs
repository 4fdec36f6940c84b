namespace ContactCenter.Channels.Ocr;

/// <summary>One page's text and how it was obtained.</summary>
/// <param name="Number">1-based page number in the file.</param>
/// <param name="Confidence">Tesseract's mean word confidence, 0..100 (100 for a text layer).</param>
/// <param name="RotationDegrees">Rotation applied to straighten the page (0, 90, 180, 270).</param>
/// <param name="SkewDegrees">Skew corrected by deskewing.</param>
/// <param name="IsBlank">No ink worth reading: a separator page of a batch scan.</param>
internal sealed record PageText(
    int Number,
    string Text,
    double Confidence,
    PageTextSource Source,
    int RotationDegrees,
    double SkewDegrees,
    bool IsBlank);
