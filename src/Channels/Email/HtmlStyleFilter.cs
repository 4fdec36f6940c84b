using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace ContactCenter.Channels.Email;

/// <summary>
/// The inline CSS a citizen's mail may keep: colour, font, text alignment and decoration, margins and padding within
/// limits. Nothing that positions, layers or sizes a box (a <c>position: fixed; z-index: 99999</c> overlay could cover
/// the backoffice page), nothing viewport-relative or computed, and no <c>url()</c> in any value.
/// </summary>
internal static partial class HtmlStyleFilter
{
    /// <summary>Margins and padding beyond this push text off screen or hide it; they are dropped.</summary>
    public const double MaxSpacingPixels = 100;

    /// <summary>A larger font can fill the page as surely as an overlay.</summary>
    public const double MaxFontPixels = 72;

    public static readonly IReadOnlySet<string> AllowedProperties = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
    {
        "color", "background-color",
        "font", "font-family", "font-size", "font-style", "font-weight", "font-variant",
        "text-align", "text-decoration", "text-decoration-line", "text-decoration-color", "text-decoration-style",
        "margin", "margin-top", "margin-right", "margin-bottom", "margin-left",
        "padding", "padding-top", "padding-right", "padding-bottom", "padding-left",
    };

    /// <summary>The declarations of <paramref name="style"/> that are allowed and within limits; null when none is.</summary>
    public static string? Filter(string style)
    {
        var kept = new StringBuilder(style.Length);
        foreach (var declaration in style.Split(';'))
        {
            var colon = declaration.IndexOf(':', StringComparison.Ordinal);
            if (colon <= 0)
            {
                continue;
            }

            var property = declaration[..colon].Trim();
            var value = declaration[(colon + 1)..].Trim();
            if (IsAllowed(property, value))
            {
                kept.Append(kept.Length == 0 ? "" : "; ").Append(property.ToLowerInvariant()).Append(": ").Append(value);
            }
        }

        return kept.Length == 0 ? null : kept.ToString();
    }

    private static bool IsAllowed(string property, string value)
    {
        if (!AllowedProperties.Contains(property) || value.Length == 0 || HasForbiddenFunction().IsMatch(value))
        {
            return false;
        }

        var spacing = property.StartsWith("margin", StringComparison.OrdinalIgnoreCase) || property.StartsWith("padding", StringComparison.OrdinalIgnoreCase);
        var font = property.Equals("font", StringComparison.OrdinalIgnoreCase) || property.Equals("font-size", StringComparison.OrdinalIgnoreCase);
        if (!spacing && !font)
        {
            return true;
        }

        foreach (Match length in Length().Matches(value))
        {
            var unit = length.Groups["unit"].Value;
            if (font && unit.Length == 0)
            {
                continue; // a weight (700) or a line height (1.5), not a size
            }

            var number = double.Parse(length.Groups["number"].Value, CultureInfo.InvariantCulture);
            var limit = font ? MaxFontPixels : MaxSpacingPixels;
            var pixels = ToPixels(number, unit);
            if (pixels is null || pixels < 0 || pixels > limit)
            {
                return false;
            }
        }

        return true;
    }

    private static double? ToPixels(double number, string unit) => unit.ToLowerInvariant() switch
    {
        "" or "px" => number,
        "pt" => number * 4 / 3,
        "pc" => number * 16,
        "em" or "rem" or "ex" or "ch" => number * 16,
        "%" => number * 16 / 100,
        "in" => number * 96,
        "cm" => number * 96 / 2.54,
        "mm" => number * 96 / 25.4,
        _ => null, // vw, vh, vmin, vmax...: sized by the backoffice's window, the stuff of overlays
    };

    [GeneratedRegex(@"(url|image|image-set|element|expression|calc|var|env|attr)\s*\(|\\|@|javascript:|behavior", RegexOptions.IgnoreCase)]
    private static partial Regex HasForbiddenFunction();

    [GeneratedRegex(@"(?<![\w#.-])(?<number>[+-]?\d*\.?\d+)(?<unit>[a-z%]*)", RegexOptions.IgnoreCase)]
    private static partial Regex Length();
}
