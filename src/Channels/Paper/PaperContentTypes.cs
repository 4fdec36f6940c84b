namespace ContactCenter.Channels.Paper;

/// <summary>The document formats the OCR reader understands, by content type or file extension.</summary>
internal static class PaperContentTypes
{
    public const string Pdf = "application/pdf";
    public const string Tiff = "image/tiff";
    public const string Png = "image/png";
    public const string Jpeg = "image/jpeg";
    public const string Mail = "message/rfc822";

    private static readonly Dictionary<string, string> ByExtension = new(StringComparer.OrdinalIgnoreCase)
    {
        [".pdf"] = Pdf,
        [".tif"] = Tiff,
        [".tiff"] = Tiff,
        [".png"] = Png,
        [".jpg"] = Jpeg,
        [".jpeg"] = Jpeg,
    };

    public static string? FromFileName(string? fileName) =>
        ByExtension.GetValueOrDefault(Path.GetExtension(fileName ?? ""));

    public static bool IsDocument(string? contentType, string? fileName)
    {
        var type = contentType?.Split(';')[0].Trim().ToLowerInvariant();
        return type is Pdf or Tiff or Png or Jpeg or "image/tif" or "image/x-tiff" or "image/jpg"
            || (type is null or "" or "application/octet-stream" && FromFileName(fileName) is not null);
    }
}
