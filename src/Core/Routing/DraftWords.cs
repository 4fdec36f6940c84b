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
    public const string None = "no words in the subject or the text";

    // Reply and forward prefixes of Italian and common mailers; one-letter ones ("R:", "I:") fall under the length rule.
    private static readonly FrozenSet<string> Prefixes = FrozenSet.ToFrozenSet(["re", "fw", "fwd", "rif", "inoltro", "aw", "wg", "tr", "rv", "sv"]);

    public static bool Any(TicketDraft draft) => Any(draft.Subject) || Any(draft.TextBody);

    private static bool Any(string? text) =>
        !string.IsNullOrWhiteSpace(text)
        && TokenizedText.From(text).Tokens.Any(t => t.Folded.Length > 1 && t.Folded.Any(char.IsLetter) && !Prefixes.Contains(t.Folded));
}
