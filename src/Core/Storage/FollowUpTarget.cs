using ContactCenter.Core.Intake;
using ContactCenter.Core.Storage.LiteDb;
using ContactCenter.Core.Tickets;

namespace ContactCenter.Core.Storage;

/// <summary>
/// Which ticket a reply belongs to when the number in its subject and its reply headers (In-Reply-To, References) name
/// different tickets. The subject wins, as before, unless its ticket has never heard from the sender while the headers'
/// ticket has: a number typed or copied wrong otherwise put a citizen's reply into a stranger's ticket, flagged there,
/// and left the citizen's own ticket without it. The headers
/// are written by the citizen's mailer, the subject's number often by hand. The choice is noted on the ticket.
/// Kept out of any store so that every store applies the same rule.
/// </summary>
internal static class FollowUpTarget
{
    /// <summary>True when the subject's ticket is the answer without looking at the headers.</summary>
    public static bool SubjectSuffices(Ticket bySubject, TicketDraft draft) => !FollowUpSenderRule.IsStranger(bySubject, draft);

    /// <summary>
    /// The ticket the reply goes to, called once <see cref="SubjectSuffices"/> said no (or the subject named none);
    /// a history note on it when the headers' ticket was chosen over the subject's.
    /// </summary>
    public static Ticket? Choose(TicketFactory factory, Ticket? bySubject, Ticket? byReference, TicketDraft draft)
    {
        if (bySubject is null || byReference is null)
        {
            return bySubject ?? byReference;
        }

        if (byReference.Number == bySubject.Number || FollowUpSenderRule.IsStranger(byReference, draft))
        {
            return bySubject;
        }

        byReference.History.Add(factory.Event(TicketEventKind.Note,
            $"L'oggetto cita la pratica {bySubject.Number}, di un altro mittente: il seguito è abbinato a questa pratica, a cui risponde (In-Reply-To/References)",
            draft.SourceKey));
        return byReference;
    }
}
