using ContactCenter.Core.Tickets;

namespace ContactCenter.Core.Statistics;

/// <summary>
/// What the statistics count of one ticket, and nothing else: a year of a national service's tickets is read for
/// them, and whole tickets (texts, messages, history) would be most of the memory and the time.
/// </summary>
public sealed record TicketFacts(
    ChannelKind Channel,
    ServiceLevel Level,
    string Category,
    TicketStatus Status,
    DateTimeOffset ReceivedAt,
    DateTimeOffset DueAt,
    DateTimeOffset? ReceiptSentAt,
    DateTimeOffset? ClosedAt,
    bool IsSuspended,
    TimeSpan? AnswerTime)
{
    public static TicketFacts Of(Ticket ticket) => new(
        ticket.Channel,
        ticket.Classification.Level,
        ticket.Classification.Category,
        ticket.Status,
        ticket.ReceivedAt,
        ticket.DueAt,
        ticket.ReceiptSentAt,
        ticket.ClosedAt,
        ticket.IsSuspended,
        Statistics.AnswerTime.Of(ticket.ReceivedAt, ticket.ReopenedAt, ticket.ClosedAt, ticket.Suspensions));
}
