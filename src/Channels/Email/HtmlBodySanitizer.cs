using AngleSharp.Dom;
using Ganss.Xss;

namespace ContactCenter.Channels.Email;

/// <summary>
/// Makes a mail's HTML safe to show in the backoffice: no scripts, event handlers, forms or frames, and nothing that
/// loads from outside (tracking pixels, remote images and CSS). Links stay clickable; cid: and data: images stay.
/// </summary>
internal static class HtmlBodySanitizer
{
    private static readonly string[] InteractiveTags = ["form", "input", "button", "select", "option", "textarea", "label"];

    public static string Sanitize(string html)
    {
        // A fresh sanitizer per call: configuring one is cheap and its events must not be shared across threads.
        var sanitizer = new HtmlSanitizer();
        sanitizer.AllowedSchemes.Add("cid");
        sanitizer.AllowedSchemes.Add("data");
        foreach (var tag in InteractiveTags)
        {
            sanitizer.AllowedTags.Remove(tag);
        }

        sanitizer.AllowedAttributes.Remove("action");
        sanitizer.AllowedAttributes.Remove("formaction");
        sanitizer.FilterUrl += (_, e) => e.SanitizedUrl = IsAllowed(e.Tag, e.OriginalUrl) ? e.SanitizedUrl : null;
        sanitizer.PostProcessNode += (_, e) =>
        {
            if (e.Node is IElement { LocalName: "a" } anchor && anchor.HasAttribute("href"))
            {
                // Opened outside the backoffice page and without telling the target where it came from.
                anchor.SetAttribute("target", "_blank");
                anchor.SetAttribute("rel", "noopener noreferrer nofollow");
            }
        };
        return sanitizer.Sanitize(html);
    }

    private static bool IsAllowed(IElement? tag, string url)
    {
        var trimmed = url.Trim();
        if (trimmed.StartsWith("cid:", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        if (trimmed.StartsWith("data:", StringComparison.OrdinalIgnoreCase))
        {
            return trimmed.StartsWith("data:image/", StringComparison.OrdinalIgnoreCase)
                && !trimmed.StartsWith("data:image/svg", StringComparison.OrdinalIgnoreCase);
        }

        // Anything else is fetched when shown unless it is the target of a link the operator chooses to click.
        return tag is { LocalName: "a" or "area" } link && string.Equals(link.GetAttribute("href")?.Trim(), trimmed, StringComparison.Ordinal);
    }
}
