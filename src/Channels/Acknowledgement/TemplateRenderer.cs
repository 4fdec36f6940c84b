using System.Net;
using System.Text.RegularExpressions;

namespace ContactCenter.Channels.Acknowledgement;

/// <summary>Replaces <c>{{Name}}</c> placeholders; unknown ones stay as written so a typo shows in the output.</summary>
internal static partial class TemplateRenderer
{
    public static string Render(string template, IReadOnlyDictionary<string, string> values, bool htmlEncode)
    {
        return Placeholder().Replace(template, match =>
        {
            if (!values.TryGetValue(match.Groups["name"].Value, out var value))
            {
                return match.Value;
            }

            // The values come from the citizen (the subject): never trust them inside HTML.
            return htmlEncode ? WebUtility.HtmlEncode(value) : value;
        });
    }

    [GeneratedRegex(@"\{\{\s*(?<name>[A-Za-z][A-Za-z0-9]*)\s*\}\}", RegexOptions.CultureInvariant)]
    private static partial Regex Placeholder();
}
