using Microsoft.AspNetCore.Mvc;

namespace ContactCenter.Workers.Control;

/// <summary>
/// The query string of <c>GET /api/tickets</c>, as the request carries it (checked by <see cref="TicketListEndpoint"/>);
/// named as the API and its OpenAPI document spell them.
/// </summary>
internal sealed record TicketListQuery(
    [FromQuery(Name = "status")] string? Status,
    [FromQuery(Name = "channel")] string? Channel,
    [FromQuery(Name = "overdue")] bool? Overdue,
    [FromQuery(Name = "dueBefore")] string? DueBefore,
    [FromQuery(Name = "review")] bool? Review,
    [FromQuery(Name = "corrected")] bool? Corrected,
    [FromQuery(Name = "sender")] string? Sender,
    [FromQuery(Name = "limit")] int? Limit,
    [FromQuery(Name = "receivedFrom")] string? ReceivedFrom,
    [FromQuery(Name = "receivedBefore")] string? ReceivedBefore,
    [FromQuery(Name = "after")] string? After,
    [FromQuery(Name = "order")] string? Order);
