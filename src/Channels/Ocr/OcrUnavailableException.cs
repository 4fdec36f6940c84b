namespace ContactCenter.Channels.Ocr;

/// <summary>Tesseract, Leptonica or a language model is missing: a setup problem, not a problem of one document.</summary>
internal sealed class OcrUnavailableException : Exception
{
    public OcrUnavailableException(string message)
        : base(message)
    {
    }

    public OcrUnavailableException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
