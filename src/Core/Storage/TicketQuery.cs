using ContactCenter.Core.Tickets;

namespace ContactCenter.Core.Storage;

public sealed class TicketQuery
{
    public TicketStatus? Status { get; init; }
    public string? ChannelName { get; init; }
    public DateTimeOffset? ReceivedFrom { get; init; }
    public DateTimeOffset? ReceivedTo { get; init; }
    public DateTimeOffset? DueBefore { get; init; }

    /// <summary>Open, not suspended, and due before this instant.</summary>
    public DateTimeOffset? OverdueAt { get; init; }

    /// <summary>Only tickets flagged for an operator's look (<see cref="Ticket.NeedsReview"/>) and not yet marked reviewed.</summary>
    public bool NeedsReview { get; init; }

    public int? Limit { get; init; }
}
