using System.Text.RegularExpressions;

namespace ContactCenter.Channels.Paper;

/// <summary>
/// A letter's lines with the recipient block marked: the lines after "Spett.le", "Alla", "Al" ... up to the next
/// blank line are our own address, so nothing found there is taken as the sender's.
/// </summary>
internal sealed partial class LetterLines
{
    private const int MaxRecipientLines = 6;
    private const int MaxAddressLineWords = 10;

    public LetterLines(string text)
    {
        Lines = text.Replace("\r\n", "\n").Replace('\r', '\n').Replace('\f', '\n').Split('\n')
            .Select(l => l.Trim()).ToArray();
        var isRecipient = new bool[Lines.Count];
        for (var i = 0; i < Lines.Count; i++)
        {
            if (!IsRecipientOpening(Lines[i]))
            {
                continue;
            }

            for (var j = i; j < Lines.Count && j < i + MaxRecipientLines && Lines[j].Length > 0; j++)
            {
                isRecipient[j] = true;
            }
        }

        IsRecipient = isRecipient;
    }

    public IReadOnlyList<string> Lines { get; }

    public IReadOnlyList<bool> IsRecipient { get; }

    /// <summary>The text without the recipient block, for the contact finders.</summary>
    public string SenderText =>
        string.Join('\n', Lines.Where((_, i) => !IsRecipient[i]));

    /// <summary>
    /// "Alla Protezione Civile" opens an address block; "Al momento la strada è chiusa." and "Gentile Sindaco," do
    /// not: an address line is short and ends without punctuation.
    /// </summary>
    private static bool IsRecipientOpening(string line)
    {
        var match = RecipientOpening().Match(line);
        if (!match.Success || ".,;:!?".Contains(line[^1], StringComparison.Ordinal))
        {
            return false;
        }

        // "Spett.le" and the like only ever open an address; "Al"/"Alla" open sentences too.
        return !match.Groups["weak"].Success
            || (!line.Contains(',', StringComparison.Ordinal)
                && line.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length <= MaxAddressLineWords);
    }

    [GeneratedRegex(
        @"^(?:spett\.?\s*le|spett\.|spettabile|ill\.?\s*mo|egr\.|egregio\s+sig|gent\.?\s*mo|c\.a\.|alla\s+cortese|(?<weak>alla\s|allo\s|al\s|agli\s|ai\s|all['’]))",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex RecipientOpening();
}
