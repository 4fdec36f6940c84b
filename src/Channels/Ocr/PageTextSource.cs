namespace ContactCenter.Channels.Ocr;

internal enum PageTextSource
{
    /// <summary>Read from a PDF's text layer, no OCR needed.</summary>
    TextLayer,
    Ocr,
}
