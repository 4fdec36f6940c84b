namespace ContactCenter.Core.Tickets;

public enum TicketPriority
{
    Low,
    Normal,
    High,
    Urgent,
}
