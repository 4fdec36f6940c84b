using System.Globalization;
using System.Text;

namespace ContactCenter.Core.Intake;

/// <summary>
/// Makes an attachment or file name safe to show and to write: no folders (<c>../</c>), no control or bidi-override
/// characters, no reserved Windows names, at most <see cref="MaxLength"/> characters with the extension kept.
/// </summary>
public static class SafeFileName
{
    public const int MaxLength = 120;

    private static readonly HashSet<string> ReservedWindowsNames = new(StringComparer.OrdinalIgnoreCase)
    {
        "CON", "PRN", "AUX", "NUL", "COM1", "COM2", "COM3", "COM4", "COM5", "COM6", "COM7", "COM8", "COM9",
        "LPT1", "LPT2", "LPT3", "LPT4", "LPT5", "LPT6", "LPT7", "LPT8", "LPT9",
    };

    public static string From(string? name, string fallback = "attachment.bin")
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            return fallback;
        }

        // Only the last path segment counts, whichever separator the sender's system used.
        var lastSeparator = name.LastIndexOfAny(['/', '\\', ':']);
        var leaf = lastSeparator >= 0 ? name[(lastSeparator + 1)..] : name;

        var builder = new StringBuilder(leaf.Length);
        foreach (var rune in leaf.Normalize(NormalizationForm.FormC).EnumerateRunes())
        {
            var category = Rune.GetUnicodeCategory(rune);
            if (category is UnicodeCategory.Control or UnicodeCategory.Format or UnicodeCategory.Surrogate
                or UnicodeCategory.OtherNotAssigned or UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator)
            {
                continue;
            }

            builder.Append(rune.Value is '<' or '>' or '"' or '|' or '?' or '*' ? "_" : rune.ToString());
        }

        var cleaned = builder.ToString().Trim().Trim('.').Trim();
        if (cleaned.Length == 0)
        {
            return fallback;
        }

        var stem = Path.GetFileNameWithoutExtension(cleaned);
        if (ReservedWindowsNames.Contains(stem))
        {
            cleaned = "_" + cleaned;
        }

        return Truncate(cleaned);
    }

    private static string Truncate(string name)
    {
        if (name.Length <= MaxLength)
        {
            return name;
        }

        var extension = Path.GetExtension(name);
        if (extension.Length > 16)
        {
            extension = "";
        }

        var stem = name[..(MaxLength - extension.Length)];
        if (char.IsHighSurrogate(stem[^1]))
        {
            stem = stem[..^1];
        }

        return stem + extension;
    }
}
