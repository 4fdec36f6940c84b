namespace ContactCenter.Channels.Ocr;

/// <summary>What one Tesseract pass over a page produced.</summary>
/// <param name="TextRotationDegrees">Clockwise rotation straightening the text Tesseract found lying on its side.</param>
internal sealed record RecognitionResult(string Text, double Confidence, int TextRotationDegrees)
{
    /// <summary>Letters and digits read: a pass over a page turned the wrong way reads few with confidence.</summary>
    public int LetterCount => Text.Count(char.IsLetterOrDigit);
}
