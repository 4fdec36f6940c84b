using System.Text;
using System.Text.RegularExpressions;

namespace ContactCenter.Channels.Acknowledgement;

/// <summary>Replaces <c>{{Name}}</c> placeholders; unknown ones stay as written so a typo shows in the output.</summary>
internal static partial class TemplateRenderer
{
    /// <param name="markup">Values that are already HTML, built by us (never from the citizen); inserted as they are.</param>
    public static string Render(string template, IReadOnlyDictionary<string, string> values, bool htmlEncode,
        IReadOnlyDictionary<string, string>? markup = null)
    {
        return Placeholder().Replace(template, match =>
        {
            if (markup is not null && markup.TryGetValue(match.Groups["name"].Value, out var html))
            {
                return html;
            }

            if (!values.TryGetValue(match.Groups["name"].Value, out var value))
            {
                return match.Value;
            }

            // The values come from the citizen (the subject): never trust them inside HTML.
            return htmlEncode ? HtmlEncode(value) : value;
        });
    }

    /// <summary>
    /// Escapes the five characters that matter in element content and quoted attributes, and leaves accented letters
    /// readable (WebUtility.HtmlEncode would turn "è" into "&amp;#232;").
    /// </summary>
    internal static string HtmlEncode(string value)
    {
        var builder = new StringBuilder(value.Length + 16);
        foreach (var c in value)
        {
            builder.Append(c switch
            {
                '&' => "&amp;",
                '<' => "&lt;",
                '>' => "&gt;",
                '"' => "&quot;",
                '\'' => "&#39;",
                _ => c.ToString(),
            });
        }

        return builder.ToString();
    }

    [GeneratedRegex(@"\{\{\s*(?<name>[A-Za-z][A-Za-z0-9]*)\s*\}\}", RegexOptions.CultureInvariant)]
    private static partial Regex Placeholder();
}
