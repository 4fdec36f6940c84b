namespace ContactCenter.WebForm.Pages;

/// <summary>A plain page for refusals and failures: what happened and what to do, never a technical detail.</summary>
internal static class MessagePage
{
    public static string Render(string pathBase, string siteName, string title, string message, string? action = null)
    {
        var link = action ?? $"<a href=\"{Html.Encode(pathBase)}/\">Torna al modulo</a>";
        var body = $"<h1>{Html.Encode(title)}</h1>\n<p>{Html.Encode(message)}</p>\n<p>{link}</p>\n";
        return PageLayout.Render(pathBase, title, body, siteName);
    }
}
