using ContactCenter.Core.Intake;

namespace ContactCenter.Core.Tickets;

/// <summary>
/// Whether a follow-up comes from someone the ticket has heard from: a ticket number in a subject or a forged
/// In-Reply-To is enough to reach a ticket, so anyone could otherwise write into anyone's request unnoticed. Kept out
/// of any store so that every store applies the same rule.
/// </summary>
public static class FollowUpSenderRule
{
    /// <summary>
    /// True when the draft has a sender address and it is neither the ticket's sender nor the sender of a message
    /// already accepted on it (a stranger's earlier follow-up does not make the next one trusted). Without an address
    /// (a letter, a fax) nothing can be compared: false. A web form's address is whatever the visitor typed, so a
    /// form is always a stranger's: anyone could otherwise write into, and reopen, any ticket whose number they guess.
    /// </summary>
    public static bool IsStranger(Ticket ticket, TicketDraft draft)
    {
        if (draft.Channel == ChannelKind.WebForm)
        {
            return true;
        }

        var from = Normalize(draft.Sender.Email);
        return from is not null && !Correspondents(ticket).Contains(from);
    }

    public static string ReviewReason(Ticket ticket, TicketDraft draft) =>
        $"Seguito da un mittente diverso ({draft.Sender.Email}) da quelli della pratica {ticket.Number}";

    private static HashSet<string> Correspondents(Ticket ticket)
    {
        var known = new HashSet<string>(StringComparer.Ordinal);
        Add(known, ticket.Sender.Email);
        foreach (var message in ticket.Messages.Where(m => !m.FromDifferentSender && m.Kind is MessageKind.Original or MessageKind.FollowUp))
        {
            Add(known, message.From.Email);
        }

        return known;
    }

    private static void Add(HashSet<string> set, string? address)
    {
        if (Normalize(address) is { } normalized)
        {
            set.Add(normalized);
        }
    }

    private static string? Normalize(string? address) => string.IsNullOrWhiteSpace(address) ? null : address.Trim().ToLowerInvariant();
}
