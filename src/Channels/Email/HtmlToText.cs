using System.Text;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;

namespace ContactCenter.Channels.Email;

/// <summary>
/// Turns an HTML body into text a backoffice operator can read: blocks and line breaks become new lines, links
/// become "text (url)", scripts, styles and other invisible content are dropped.
/// </summary>
internal static class HtmlToText
{
    private static readonly HashSet<string> Invisible = new(StringComparer.OrdinalIgnoreCase)
    {
        "script", "style", "head", "title", "noscript", "template", "svg", "math", "object", "iframe", "select", "button",
    };

    private static readonly HashSet<string> Paragraphs = new(StringComparer.OrdinalIgnoreCase)
    {
        "p", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "pre", "table", "ul", "ol", "dl", "hr",
    };

    private static readonly HashSet<string> Lines = new(StringComparer.OrdinalIgnoreCase)
    {
        "div", "section", "article", "header", "footer", "nav", "aside", "main", "address", "center", "li", "tr",
        "dt", "dd", "form", "fieldset", "figure", "figcaption", "caption", "details", "summary",
    };

    private static readonly string[] LinkSchemes = ["http:", "https:", "mailto:", "ftp:"];

    public static string Convert(string html)
    {
        var parser = new HtmlParser();
        using var document = parser.ParseDocument(html);
        var text = new StringBuilder(html.Length / 2);
        if (document.Body is { } body)
        {
            Walk(body, text, preformatted: false);
        }

        return Tidy(text);
    }

    private static void Walk(INode node, StringBuilder text, bool preformatted)
    {
        foreach (var child in node.ChildNodes)
        {
            switch (child)
            {
                case IText textNode:
                    AppendText(text, textNode.Data, preformatted);
                    break;
                case IElement element:
                    WalkElement(element, text, preformatted);
                    break;
            }
        }
    }

    private static void WalkElement(IElement element, StringBuilder text, bool preformatted)
    {
        var name = element.LocalName;
        if (Invisible.Contains(name))
        {
            return;
        }

        switch (name)
        {
            case "br":
                text.Append('\n');
                return;
            case "img":
                AppendText(text, element.GetAttribute("alt") is { Length: > 0 } alt ? $"[{alt}]" : "", preformatted);
                return;
            case "td" or "th":
                AppendText(text, " ", preformatted: false);
                break;
        }

        var breaks = Paragraphs.Contains(name) ? 2 : Lines.Contains(name) ? 1 : 0;
        EnsureBreaks(text, breaks);
        if (name == "li")
        {
            text.Append("- ");
        }

        var start = text.Length;
        Walk(element, text, preformatted || name == "pre");
        if (name == "a")
        {
            AppendLinkTarget(element, text, start);
        }

        EnsureBreaks(text, breaks);
    }

    private static void AppendLinkTarget(IElement anchor, StringBuilder text, int start)
    {
        var href = anchor.GetAttribute("href")?.Trim();
        if (string.IsNullOrEmpty(href) || !LinkSchemes.Any(s => href.StartsWith(s, StringComparison.OrdinalIgnoreCase)))
        {
            return;
        }

        var label = text.ToString(start, text.Length - start).Trim();
        var bare = href.StartsWith("mailto:", StringComparison.OrdinalIgnoreCase) ? href[7..] : href;
        if (label.Length == 0)
        {
            AppendText(text, bare, preformatted: false);
        }
        else if (!label.Equals(bare, StringComparison.OrdinalIgnoreCase) && !label.Equals(href, StringComparison.OrdinalIgnoreCase))
        {
            text.Append(" (").Append(bare).Append(')');
        }
    }

    private static void AppendText(StringBuilder text, string data, bool preformatted)
    {
        if (preformatted)
        {
            text.Append(data.Replace('\u00A0', ' '));
            return;
        }

        foreach (var c in data)
        {
            if (char.IsWhiteSpace(c))
            {
                if (text.Length > 0 && text[^1] is not (' ' or '\n'))
                {
                    text.Append(' ');
                }
            }
            else
            {
                text.Append(c);
            }
        }
    }

    private static void EnsureBreaks(StringBuilder text, int breaks)
    {
        if (breaks == 0 || text.Length == 0)
        {
            return;
        }

        while (text.Length > 0 && text[^1] == ' ')
        {
            text.Length--;
        }

        var existing = 0;
        for (var i = text.Length - 1; i >= 0 && text[i] == '\n'; i--)
        {
            existing++;
        }

        text.Append('\n', Math.Max(0, breaks - existing));
    }

    private static string Tidy(StringBuilder text)
    {
        var lines = text.ToString().Split('\n').Select(line => line.TrimEnd());
        var result = new StringBuilder(text.Length);
        var blank = 0;
        foreach (var line in lines)
        {
            blank = line.Length == 0 ? blank + 1 : 0;
            if (blank <= 1)
            {
                result.Append(line).Append('\n');
            }
        }

        return result.ToString().Trim('\n', ' ');
    }
}
