using System.Globalization;
using ContactCenter.Channels.Ocr;

namespace ContactCenter.Channels.Paper;

/// <summary>Joins page texts into one body, keeping the page breaks visible for the clerk.</summary>
internal static class PageBody
{
    public static string Separator(int pageNumber) =>
        string.Create(CultureInfo.InvariantCulture, $"\n\n--- pagina {pageNumber} ---\n\n");

    public static string Join(IReadOnlyList<PageText> pages)
    {
        var builder = new System.Text.StringBuilder();
        for (var i = 0; i < pages.Count; i++)
        {
            if (i > 0)
            {
                builder.Append(Separator(i + 1));
            }

            builder.Append(pages[i].Text.Trim());
        }

        return builder.ToString();
    }
}
