namespace ContactCenter.WebForm;

/// <summary>
/// The attachment types the form can accept, each with its content type and a check of the file's first bytes: the
/// extension a citizen's browser sends proves nothing (an executable renamed <c>.pdf</c> is refused).
/// </summary>
internal static class AttachmentTypes
{
    private static readonly Dictionary<string, (string ContentType, Func<ReadOnlyMemory<byte>, bool> Matches)> Types =
        new(StringComparer.OrdinalIgnoreCase)
        {
            ["pdf"] = ("application/pdf", b => StartsWith(b, "%PDF-"u8)),
            ["jpg"] = ("image/jpeg", b => StartsWith(b, [0xFF, 0xD8, 0xFF])),
            ["jpeg"] = ("image/jpeg", b => StartsWith(b, [0xFF, 0xD8, 0xFF])),
            ["png"] = ("image/png", b => StartsWith(b, [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A])),
            ["tif"] = ("image/tiff", IsTiff),
            ["tiff"] = ("image/tiff", IsTiff),
            ["txt"] = ("text/plain", IsText),
        };

    public static IEnumerable<string> Known => Types.Keys;

    public static bool IsKnown(string extension) => Types.ContainsKey(extension.TrimStart('.'));

    public static string ContentTypeOf(string extension) => Types[extension.TrimStart('.')].ContentType;

    /// <summary>True when the bytes are what the extension says.</summary>
    public static bool ContentMatches(string extension, ReadOnlyMemory<byte> content) =>
        Types.TryGetValue(extension.TrimStart('.'), out var type) && content.Length > 0 && type.Matches(content);

    private static bool StartsWith(ReadOnlyMemory<byte> content, ReadOnlySpan<byte> magic) => content.Span.StartsWith(magic);

    private static bool IsTiff(ReadOnlyMemory<byte> content) =>
        StartsWith(content, [0x49, 0x49, 0x2A, 0x00]) || StartsWith(content, [0x4D, 0x4D, 0x00, 0x2A]);

    // Plain text has no control bytes besides tab, line breaks and form feed; executables and archives always do.
    private static bool IsText(ReadOnlyMemory<byte> content)
    {
        foreach (var b in content.Span)
        {
            if (b < 0x09 || b is >= 0x0E and < 0x20 and not 0x1B || b == 0x7F)
            {
                return false;
            }
        }

        return true;
    }
}
