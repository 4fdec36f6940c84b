namespace ContactCenter.Workers.Control;

/// <summary>The query string of <c>GET /api/tickets</c>, as the request carries it (checked by <see cref="TicketListEndpoint"/>).</summary>
internal sealed record TicketListQuery(
    string? Status, string? Channel, bool? Overdue, string? DueBefore, bool? Review, bool? Corrected, string? Sender, int? Limit,
    string? ReceivedFrom, string? ReceivedBefore, string? After);
