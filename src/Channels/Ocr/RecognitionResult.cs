namespace ContactCenter.Channels.Ocr;

/// <summary>What one Tesseract pass over a page produced.</summary>
internal sealed record RecognitionResult(string Text, double Confidence)
{
    /// <summary>Letters and digits read: a pass over a page turned the wrong way reads few with confidence.</summary>
    public int LetterCount => Text.Count(char.IsLetterOrDigit);
}
