namespace ContactCenter.Core.Storage;

/// <summary>
/// One channel's tickets counted by the store, for <c>status</c> and the gauges: how many, how many open, awaiting
/// review, and overdue (open, not suspended, due before the instant asked about: the promises already broken), and the
/// last one made (the highest number: numbers are handed out in creation order within a year).
/// </summary>
public sealed record ChannelTicketSummary(
    string ChannelName,
    int Tickets,
    int Open,
    int NeedsReview,
    int Overdue,
    string? LastNumber,
    DateTimeOffset? LastReceivedAt);
