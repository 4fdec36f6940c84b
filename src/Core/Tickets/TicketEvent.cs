namespace ContactCenter.Core.Tickets;

/// <summary>One line of a ticket's history: what happened, when, by whom and why.</summary>
public sealed class TicketEvent
{
    public DateTimeOffset At { get; set; }
    public TicketEventKind Kind { get; set; }
    public string Actor { get; set; } = "system";
    public string Detail { get; set; } = "";
    public string? SourceKey { get; set; }
}
