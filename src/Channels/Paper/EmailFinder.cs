using System.Text.RegularExpressions;

namespace ContactCenter.Channels.Paper;

internal static partial class EmailFinder
{
    /// <summary>The first e-mail address in the text, domain lower-cased; null when none.</summary>
    public static string? Find(string text)
    {
        var match = Address().Match(text);
        if (!match.Success)
        {
            return null;
        }

        var at = match.Value.LastIndexOf('@');
        return match.Value[..at] + match.Value[at..].ToLowerInvariant();
    }

    [GeneratedRegex(@"[A-Za-z0-9._%+\-]+@[A-Za-z0-9\-]+(\.[A-Za-z0-9\-]+)*\.[A-Za-z]{2,24}\b")]
    private static partial Regex Address();
}
