namespace ContactCenter.Channels.Ocr;

/// <summary>Recognition of one page passed the configured deadline; the engine that ran it is discarded.</summary>
internal sealed class OcrTimeoutException : Exception
{
    public OcrTimeoutException(string message)
        : base(message)
    {
    }
}
