using ContactCenter.Channels.Acknowledgement;

namespace ContactCenter.WebForm.Pages;

/// <summary>
/// Escapes text for HTML element content and double-quoted attributes. Everything a citizen typed goes through it;
/// accented letters stay readable. The escaping itself is the receipts' (one rule for every page and mail we write).
/// </summary>
internal static class Html
{
    public static string Encode(string? value) => string.IsNullOrEmpty(value) ? "" : TemplateRenderer.HtmlEncode(value);
}
