using ContactCenter.Core.Intake;
using ContactCenter.Core.Tickets;

namespace ContactCenter.Core.Routing;

/// <summary>A draft prepared once for all the rules: texts split into words, sender addresses collected.</summary>
internal sealed class DraftView
{
    private readonly (string Field, TokenizedText Text)[]?[] texts = new (string, TokenizedText)[]?[3];

    public DraftView(TicketDraft draft, int maxTextLength)
    {
        Draft = draft;
        // Text the service wrote about the item (a voicemail's notice) is not the sender's request, and a subject of
        // "Fwd:" alone has no words: nothing for a word rule to match.
        TextUnavailable = DraftWords.Unavailable(draft);
        var readable = TextUnavailable is null;
        Subject = TokenizedText.From(readable ? Truncate(draft.Subject, maxTextLength) : "");
        Body = TokenizedText.From(readable ? Truncate(draft.TextBody, maxTextLength) : "");
        Addresses = new[] { draft.Sender.Email, draft.ReplyAddress }
            .Where(a => !string.IsNullOrWhiteSpace(a))
            .Select(a => a!.Trim())
            .Distinct(StringComparer.OrdinalIgnoreCase)
            .ToArray();
        Attachments = draft.Attachments.Where(a => !a.IsInline).ToArray();
    }

    public TicketDraft Draft { get; }

    /// <summary>Why no word rule may match (<see cref="DraftWords.Unavailable"/>), or null when the text is the sender's.</summary>
    public string? TextUnavailable { get; }

    public TokenizedText Subject { get; }

    public TokenizedText Body { get; }

    public IReadOnlyList<string> Addresses { get; }

    /// <summary>Inline parts (a logo in a signature) are not what a rule means by an attachment.</summary>
    public IReadOnlyList<TicketAttachment> Attachments { get; }

    /// <summary>
    /// The texts a scope looks at, subject first. An array made once per scope and view: every condition of every rule
    /// walks it for each of its words, and an iterator for each was a tenth of what classifying allocated.
    /// </summary>
    public (string Field, TokenizedText Text)[] TextsIn(TextScope scope) => texts[(int)scope] ??= scope switch
    {
        TextScope.Subject => [("subject", Subject)],
        TextScope.Body => [("body", Body)],
        _ => [("subject", Subject), ("body", Body)],
    };

    private static string Truncate(string? text, int max) =>
        text is null ? "" : text.Length <= max ? text : text[..max];
}
