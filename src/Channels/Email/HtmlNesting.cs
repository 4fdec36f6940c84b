using System.Net;
using System.Text;

namespace ContactCenter.Channels.Email;

/// <summary>
/// A cheap look at how deep an HTML body nests, before any DOM parser sees it. AngleSharp's tree builder checks its
/// stack of open elements for every tag, so each level of nesting costs time for all the tags after it: measured,
/// 20,000 nested &lt;div&gt; (200 KB of mail) took 27 s, 100,000 nearly four minutes. Chromium's parser stops nesting
/// at 512 levels; deeper HTML is shown as plain text instead of being parsed.
/// </summary>
internal static class HtmlNesting
{
    public const int MaxDepth = 512;

    // No end tag, or an end tag the parser supplies itself when the next sibling starts: neither deepens the tree.
    private static readonly HashSet<string> NotNesting = new(StringComparer.OrdinalIgnoreCase)
    {
        "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source", "track", "wbr",
        "p", "li", "dt", "dd", "td", "th", "tr", "thead", "tbody", "tfoot", "option", "optgroup", "colgroup", "caption",
        "rb", "rt", "rp", "!doctype",
    };

    /// <summary>True when the tags open more than <paramref name="maxDepth"/> elements inside each other somewhere.</summary>
    public static bool IsTooDeep(string html, int maxDepth = MaxDepth)
    {
        var depth = 0;
        for (var i = html.IndexOf('<'); i >= 0 && i < html.Length - 1; i = html.IndexOf('<', i + 1))
        {
            if (html[i + 1] == '/')
            {
                depth = Math.Max(0, depth - 1);
                continue;
            }

            if (!char.IsAsciiLetter(html[i + 1]))
            {
                continue;
            }

            var end = html.IndexOf('>', i);
            if (end < 0)
            {
                break;
            }

            var nameEnd = i + 1;
            while (nameEnd < end && (char.IsAsciiLetterOrDigit(html[nameEnd]) || html[nameEnd] == '-'))
            {
                nameEnd++;
            }

            if (html[end - 1] != '/' && !NotNesting.Contains(html[(i + 1)..nameEnd]) && ++depth > maxDepth)
            {
                return true;
            }

            i = end;
        }

        return false;
    }

    /// <summary>The text between the tags, entities decoded: what is left to show when the HTML is not parsed.</summary>
    public static string StripTags(string html)
    {
        var text = new StringBuilder(html.Length / 2);
        var inTag = false;
        foreach (var c in html)
        {
            if (c == '<')
            {
                inTag = true;
                text.Append(' ');
            }
            else if (c == '>' && inTag)
            {
                inTag = false;
            }
            else if (!inTag)
            {
                text.Append(c);
            }
        }

        return string.Join(' ', WebUtility.HtmlDecode(text.ToString()).Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
    }
}
