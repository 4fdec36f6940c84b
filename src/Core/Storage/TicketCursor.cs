namespace ContactCenter.Core.Storage;

/// <summary>
/// A place in a ticket list, which both stores order by arrival, then number: the list goes on after this ticket.
/// Paging by it loses nothing and repeats nothing, however many tickets arrived in the same instant.
/// </summary>
public sealed record TicketCursor(DateTimeOffset ReceivedAt, string Number)
{
    public static TicketCursor Of(Tickets.Ticket ticket) => new(ticket.ReceivedAt, ticket.Number);
}
