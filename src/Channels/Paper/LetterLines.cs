using System.Text.RegularExpressions;

namespace ContactCenter.Channels.Paper;

/// <summary>
/// A letter's lines with the recipient block marked: the lines after "Spett.le", "Alla", "Al" ... up to the next
/// blank line are our own address, so nothing found there is taken as the sender's.
/// </summary>
internal sealed partial class LetterLines
{
    private const int MaxRecipientLines = 6;

    public LetterLines(string text)
    {
        Lines = text.Replace("\r\n", "\n").Replace('\r', '\n').Replace('\f', '\n').Split('\n')
            .Select(l => l.Trim()).ToArray();
        var isRecipient = new bool[Lines.Count];
        for (var i = 0; i < Lines.Count; i++)
        {
            if (!RecipientOpening().IsMatch(Lines[i]))
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

    [GeneratedRegex(
        @"^(spett\.?\s*le|spett\.|spettabile|alla\s|allo\s|al\s|agli\s|all['’]|ill\.?\s*mo|egr\.|egregio\s+sig|gent\.?\s*mo|c\.a\.|alla\s+cortese)",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex RecipientOpening();
}
