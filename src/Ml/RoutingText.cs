using System.Text;
using ContactCenter.Core.Intake;
using ContactCenter.Core.Routing;
using ContactCenter.Core.Routing.Evaluation;

namespace ContactCenter.Ml;

/// <summary>
/// The text the model reads: subject and body, lower case without accents (as the rules fold it), apostrophes and
/// punctuation as spaces ("dell'alluvione" gives "dell alluvione"), digits dropped (dates and numbers say nothing of the
/// level), and no more than the first characters.
/// </summary>
internal static class RoutingText
{
    private const int MaxLength = 4000;

    public static string Of(TicketDraft draft) => Normalize(draft.Subject + " . " + draft.TextBody);

    public static string Of(LabelledRequest request) => Of(request.ToDraft());

    public static string Normalize(string text)
    {
        var folded = TextFolding.Fold(text.Length <= MaxLength ? text : text[..MaxLength]);
        var builder = new StringBuilder(folded.Length);
        var space = true;
        foreach (var c in folded)
        {
            if (char.IsLetter(c))
            {
                builder.Append(c);
                space = false;
            }
            else if (!space)
            {
                builder.Append(' ');
                space = true;
            }
        }

        return builder.ToString().TrimEnd();
    }
}
