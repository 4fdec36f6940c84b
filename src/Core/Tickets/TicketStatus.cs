namespace ContactCenter.Core.Tickets;

public enum TicketStatus
{
    Open,
    Closed,
}
