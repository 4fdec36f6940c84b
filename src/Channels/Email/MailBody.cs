using System.Globalization;
using ContactCenter.Core.Intake;
using MimeKit;
using MimeKit.Text;

namespace ContactCenter.Channels.Email;

/// <summary>The draft's text and sanitised HTML, chosen from what <see cref="MimeAttachmentCollector"/> found.</summary>
internal sealed record MailBody(string Text, string? Html, bool Truncated)
{
    public static MailBody Compose(MimeContents contents, int maxChars)
    {
        var html = contents.HtmlParts.Count > 0 ? string.Join("\n", contents.HtmlParts.Select(TextPartDecoder.GetText)) : contents.TnefHtml;
        string? unparsedText = null;
        if (html is { Length: > 0 } && HtmlNesting.IsTooDeep(html))
        {
            // Parsing it would take minutes (see HtmlNesting): its words are kept, its markup is not.
            contents.Problems.Add($"corpo HTML annidato oltre {HtmlNesting.MaxDepth} livelli: conservato solo come testo");
            unparsedText = HtmlNesting.StripTags(html);
            html = null;
        }

        // HTML far beyond the text limit is mostly embedded images; only its start is turned into text.
        var htmlForText = html is { Length: > 0 } && html.Length > maxChars * 4L ? html[..(maxChars * 4)] : html;
        var text = string.Join("\n\n", contents.PlainParts.Select(PlainText).Where(t => !string.IsNullOrWhiteSpace(t)));
        if (string.IsNullOrWhiteSpace(text))
        {
            text = !string.IsNullOrWhiteSpace(htmlForText) ? HtmlToText.Convert(htmlForText)
                : unparsedText ?? contents.TnefText ?? "";
        }

        text = Clean(text);
        if (text.Length > maxChars)
        {
            throw new InboundItemRejectedException(string.Create(
                CultureInfo.InvariantCulture,
                $"Message text is {text.Length:N0} characters, over the limit of {maxChars:N0} ({MailNormalizerOptions.SectionName}:MaxBodyChars)."));
        }

        var truncated = false;

        var sanitized = html is { Length: > 0 } && ReferenceEquals(html, htmlForText) ? HtmlBodySanitizer.Sanitize(html) : null;
        if (sanitized is not null && sanitized.Length > maxChars)
        {
            // Cut HTML is broken HTML; the operator reads the text and the archived original instead.
            sanitized = null;
            truncated = true;
        }

        return new MailBody(text, string.IsNullOrWhiteSpace(sanitized) ? null : sanitized, truncated || !ReferenceEquals(html, htmlForText));
    }

    private static string PlainText(TextPart part)
    {
        var text = TextPartDecoder.GetText(part);
        if (part.ContentType.Parameters.TryGetValue("format", out string? format)
            && format.Equals("flowed", StringComparison.OrdinalIgnoreCase))
        {
            var deleteSpace = part.ContentType.Parameters.TryGetValue("delsp", out string? delsp)
                && delsp.Equals("yes", StringComparison.OrdinalIgnoreCase);
            text = new FlowedToText { DeleteSpace = deleteSpace }.Convert(text);
        }

        return text;
    }

    private static string Clean(string text) =>
        text.Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n').Replace("\0", "", StringComparison.Ordinal).Trim();
}
