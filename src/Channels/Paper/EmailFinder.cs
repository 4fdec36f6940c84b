using System.Text.RegularExpressions;

namespace ContactCenter.Channels.Paper;

internal static partial class EmailFinder
{
    /// <summary>
    /// The first e-mail address in the text, domain lower-cased; null when none. OCR puts stray spaces around '@'
    /// and dots ("mario.rossi @gmail .com"): they are tolerated and removed, but a space after a dot only before a
    /// lower-case label, so a sentence's full stop and the next capitalised word never join the domain.
    /// </summary>
    public static string? Find(string text)
    {
        var match = Address().Match(text);
        if (!match.Success)
        {
            return null;
        }

        var address = Spaces().Replace(match.Value, "");
        var at = address.LastIndexOf('@');
        return address[..at] + address[at..].ToLowerInvariant();
    }

    [GeneratedRegex(
        @"[A-Za-z0-9_%+\-]+(?:[ \t]?\.[A-Za-z0-9_%+\-]+)*[ \t]?@[ \t]?[A-Za-z0-9\-]+(?:(?:\.|[ \t]?\.[ \t]?(?=[a-z0-9]))[A-Za-z0-9\-]+)*(?:\.|[ \t]?\.[ \t]?(?=[a-z]))[A-Za-z]{2,24}\b")]
    private static partial Regex Address();

    [GeneratedRegex(@"[ \t]+")]
    private static partial Regex Spaces();
}
