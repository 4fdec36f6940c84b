namespace ContactCenter.Core.Storage;

/// <summary>
/// One channel's tickets counted by the store, for <c>status</c>: how many, how many open and awaiting review, and the
/// last one made (the highest number: numbers are handed out in creation order within a year).
/// </summary>
public sealed record ChannelTicketSummary(
    string ChannelName,
    int Tickets,
    int Open,
    int NeedsReview,
    string? LastNumber,
    DateTimeOffset? LastReceivedAt);
