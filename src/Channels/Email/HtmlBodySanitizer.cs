using AngleSharp.Dom;
using Ganss.Xss;

namespace ContactCenter.Channels.Email;

/// <summary>
/// Makes a mail's HTML safe to show in the backoffice: no scripts, event handlers, forms or frames, and nothing that
/// loads from outside (tracking pixels, remote images and CSS), no style that positions or layers anything
/// (<see cref="HtmlStyleFilter"/>). Links stay clickable; cid: and data: images stay.
/// </summary>
internal static class HtmlBodySanitizer
{
    private static readonly string[] InteractiveTags = ["form", "input", "button", "select", "option", "textarea", "label"];

    /// <summary>
    /// One configured sanitizer per thread: building one (its tag, attribute and CSS sets) cost twice as much as the
    /// sanitising itself, and one instance is not shared across threads. Its handlers keep no state between calls.
    /// </summary>
    [ThreadStatic]
    private static HtmlSanitizer? threadSanitizer;

    public static string Sanitize(string html) => (threadSanitizer ??= Create()).Sanitize(html);

    private static HtmlSanitizer Create()
    {
        var sanitizer = new HtmlSanitizer();
        sanitizer.AllowedSchemes.Add("cid");
        sanitizer.AllowedSchemes.Add("data");
        foreach (var tag in InteractiveTags)
        {
            sanitizer.AllowedTags.Remove(tag);
        }

        sanitizer.AllowedAttributes.Remove("action");
        sanitizer.AllowedAttributes.Remove("formaction");

        // The page showing the mail is the backoffice's: its classes and ids must not be borrowed (an overlay class,
        // an element id a script looks up), and only a short list of harmless properties is kept in a style.
        sanitizer.AllowedAttributes.Remove("class");
        sanitizer.AllowedAttributes.Remove("id");
        sanitizer.AllowedCssProperties.Clear();
        sanitizer.AllowedCssProperties.UnionWith(HtmlStyleFilter.AllowedProperties);
        sanitizer.AllowedAtRules.Clear();
        sanitizer.FilterUrl += (_, e) => e.SanitizedUrl = IsAllowed(e.Tag, e.OriginalUrl) ? e.SanitizedUrl : null;
        sanitizer.PostProcessNode += (_, e) =>
        {
            // Limits on values (margins, font sizes) and no url() at all: FilterUrl cannot tell a link's href from a
            // url() in the same element's style, which it lets through when both name the same address.
            if (e.Node is IElement styled && styled.GetAttribute("style") is { } style)
            {
                if (HtmlStyleFilter.Filter(style) is { } kept)
                {
                    styled.SetAttribute("style", kept);
                }
                else
                {
                    styled.RemoveAttribute("style");
                }
            }

            if (e.Node is IElement { LocalName: "a" } anchor && anchor.HasAttribute("href"))
            {
                // Opened outside the backoffice page and without telling the target where it came from.
                anchor.SetAttribute("target", "_blank");
                anchor.SetAttribute("rel", "noopener noreferrer nofollow");
            }
        };
        return sanitizer;
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
