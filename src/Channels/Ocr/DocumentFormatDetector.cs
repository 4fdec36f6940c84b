namespace ContactCenter.Channels.Ocr;

/// <summary>Decides the format by magic bytes: a scanner's or gateway's file name extension is not trusted.</summary>
internal static class DocumentFormatDetector
{
    public static DocumentFormat Detect(ReadOnlySpan<byte> head)
    {
        if (head.StartsWith("II*\0"u8) || head.StartsWith("MM\0*"u8))
        {
            return DocumentFormat.Tiff;
        }

        if (head.StartsWith((ReadOnlySpan<byte>)[0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]))
        {
            return DocumentFormat.Png;
        }

        if (head.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xD8, 0xFF]))
        {
            return DocumentFormat.Jpeg;
        }

        // The PDF header may follow some junk; readers accept it within the first 1024 bytes.
        return head[..Math.Min(head.Length, 1024)].IndexOf("%PDF-"u8) >= 0 ? DocumentFormat.Pdf : DocumentFormat.Unknown;
    }
}
