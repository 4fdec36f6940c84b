using ContactCenter.Core.Intake;
using ContactCenter.Core.Tickets;

namespace ContactCenter.Core.Storage;

/// <summary>
/// Which ticket a reply's headers (In-Reply-To, then References from the newest) lead to. A Message-ID can stand on
/// several tickets (a mailer that reuses its IDs, a forgery): the reply goes to the first of them whose correspondents
/// include its sender, and to the first ticket found only when none does (there it is flagged as a stranger's).
/// Taking the first ticket always put a citizen's reply to her own request into the ticket of whoever had used the ID
/// before her, and left her ticket without it. Kept out of any store so that every store applies the same rule.
/// </summary>
internal static class ReferencedTicket
{
    /// <summary>The most tickets a reply's headers are followed to: a long forged References list costs no more.</summary>
    public const int MaxCandidates = 16;

    /// <summary>The tickets the references name, in header order, each once, at most <see cref="MaxCandidates"/>.</summary>
    public static IEnumerable<string> Numbers(IEnumerable<string?> ticketNumbers) =>
        ticketNumbers.OfType<string>().Distinct(StringComparer.Ordinal).Take(MaxCandidates);

    /// <summary>The first candidate the sender corresponds on, else the first candidate; enumerated only as far as needed.</summary>
    public static Ticket? Choose(IEnumerable<Ticket> candidates, TicketDraft draft)
    {
        Ticket? first = null;
        foreach (var ticket in candidates)
        {
            if (!FollowUpSenderRule.IsStranger(ticket, draft))
            {
                return ticket;
            }

            first ??= ticket;
        }

        return first;
    }
}
