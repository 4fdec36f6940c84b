using ContactCenter.Channels.Ocr;

namespace ContactCenter.Channels.Paper;

/// <summary>
/// Splits a batch scan into letters at separator pages: blank pages and, when configured, pages carrying the
/// separator-sheet text. Separator pages belong to no letter. A file with no letter at all stays one part so that it
/// is still seen (and flagged for review) rather than lost.
/// </summary>
internal static class DocumentSplitter
{
    // A separator sheet says little besides its word; a letter that merely mentions it is not one.
    private const int SeparatorSheetSlack = 40;

    public static IReadOnlyList<DocumentPart> Split(IReadOnlyList<PageText> pages, bool onBlankPages, string? separatorText)
    {
        var parts = new List<DocumentPart>();
        var current = new List<PageText>();
        foreach (var page in pages)
        {
            if (IsSeparator(page, onBlankPages, separatorText))
            {
                Flush();
                continue;
            }

            current.Add(page);
        }

        Flush();
        return parts.Count > 0 ? parts : [new DocumentPart(1, pages)];

        void Flush()
        {
            if (current.Count > 0)
            {
                parts.Add(new DocumentPart(parts.Count + 1, current));
                current = [];
            }
        }
    }

    private static bool IsSeparator(PageText page, bool onBlankPages, string? separatorText)
    {
        if (onBlankPages && (page.IsBlank || string.IsNullOrWhiteSpace(page.Text)))
        {
            return true;
        }

        if (string.IsNullOrWhiteSpace(separatorText))
        {
            return false;
        }

        var letters = Compact(page.Text);
        var marker = Compact(separatorText);
        return letters.Contains(marker, StringComparison.Ordinal) && letters.Length <= marker.Length + SeparatorSheetSlack;
    }

    private static string Compact(string text) =>
        new(text.Where(char.IsLetterOrDigit).Select(char.ToUpperInvariant).ToArray());
}
