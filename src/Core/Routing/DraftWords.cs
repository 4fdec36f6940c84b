using System.Collections.Frozen;
using ContactCenter.Core.Intake;

namespace ContactCenter.Core.Routing;

/// <summary>
/// Whether a draft carries any words to classify. A subject of reply or forward prefixes over an empty text (an
/// e-mail that only forwards an attachment) gave the learned model nothing but its prior, and it said second level,
/// in a category of its choosing, for "." and for "Fwd:".
/// </summary>
internal static class DraftWords
{
    /// <summary>The reason recorded in <see cref="TicketDraft.TextUnavailable"/>.</summary>
    public const string None = "nessuna parola nell'oggetto o nel testo";

    // Reply and forward prefixes of Italian and common mailers; one-letter ones ("R:", "I:") fall under the length rule.
    private static readonly FrozenSet<string> Prefixes = FrozenSet.ToFrozenSet(["re", "fw", "fwd", "rif", "inoltro", "aw", "wg", "tr", "rv", "sv"]);

    public static bool Any(TicketDraft draft) => Any(draft.Subject) || Any(draft.TextBody);

    /// <summary>
    /// Why the draft's text is not classified: the channel's reason (<see cref="TicketDraft.TextUnavailable"/>), else
    /// <see cref="None"/> when it has no words, else null. The classifiers ask this themselves, so every caller (the
    /// pipeline, <c>classify explain</c>, evaluation) gets the same answer for the same draft.
    /// </summary>
    public static string? Unavailable(TicketDraft draft) => draft.TextUnavailable ?? (Any(draft) ? null : None);

    // Called for every routed draft: the words as the rules split and fold them, but not stemmed, and only until the first.
    private static bool Any(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        foreach (var (start, length) in new WordRuns(text))
        {
            var folded = TextFolding.Fold(text.Substring(start, length));
            if (folded.Length > 1 && folded.Any(char.IsLetter) && !Prefixes.Contains(folded))
            {
                return true;
            }
        }

        return false;
    }
}
