using ContactCenter.Core.Tickets;

namespace ContactCenter.WebForm.Tracking;

/// <summary>
/// What a citizen may see of a ticket: its number, one of four states, the due date and the last update. Nothing
/// else (no category, office, text or names), so a leaked link tells no more than the receipt did.
/// </summary>
internal sealed record TrackingStatus(string Number, string State, DateTimeOffset DueAt, DateTimeOffset LastUpdate)
{
    public const string Received = "ricevuta";
    public const string InProgress = "in lavorazione";
    public const string WaitingForAnotherAdministration = "in attesa di altra amministrazione";
    public const string Answered = "evasa";

    public static TrackingStatus Of(Ticket ticket)
    {
        var last = ticket.History.Count > 0 ? ticket.History.Max(e => e.At) : ticket.ReceivedAt;
        return new TrackingStatus(ticket.Number, StateOf(ticket), ticket.DueAt, last);
    }

    // "In progress" once an operator has acted on it (any event not written by the system), or it was reopened.
    private static string StateOf(Ticket ticket) =>
        ticket.Status == TicketStatus.Closed ? Answered
        : ticket.IsSuspended ? WaitingForAnotherAdministration
        : ticket.History.Any(e => e.Kind == TicketEventKind.Reopened || !string.Equals(e.Actor, "system", StringComparison.Ordinal)) ? InProgress
        : Received;
}
