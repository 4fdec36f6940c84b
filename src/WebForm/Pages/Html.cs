using System.Text;

namespace ContactCenter.WebForm.Pages;

/// <summary>
/// Escapes text for HTML element content and double-quoted attributes. Everything a citizen typed goes through it;
/// accented letters stay readable.
/// </summary>
internal static class Html
{
    public static string Encode(string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return "";
        }

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
}
