namespace ContactCenter.Channels.Ocr;

internal enum DocumentFormat
{
    Unknown,
    Tiff,
    Png,
    Jpeg,
    Pdf,
}
