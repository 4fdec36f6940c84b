using System.Globalization;
using ContactCenter.Core.Tickets;
using ContactCenter.Workers.Backoffice;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace ContactCenter.Workers.Control;

/// <summary>
/// <c>GET /api/tickets</c>: the tickets matching the filters, by arrival then number (<c>order=newest</c>: the latest
/// first), a page at a time. A full page says where the next starts (<c>X-Next-After</c>: its last ticket's number, to
/// pass as <c>after</c>), so a backoffice walks 20,000 open tickets without a filter that happens to fit, and nothing
/// is skipped or repeated however many tickets arrived in the same instant.
/// </summary>
internal static class TicketListEndpoint
{
    public const string NextHeader = "X-Next-After";

    public static void Map(IEndpointRouteBuilder app) =>
        app.MapGet("/api/tickets", async ([AsParameters] TicketListQuery query, HttpContext http, IBackofficeClient client, CancellationToken ct) =>
        {
            TicketStatus? status = null;
            if (query.Status is not null)
            {
                if (!Enum.TryParse<TicketStatus>(query.Status, ignoreCase: true, out var s) || int.TryParse(query.Status, out _))
                {
                    return ControlProblems.InvalidQuery("status is open or closed");
                }

                status = s;
            }

            var order = query.Order?.Trim().ToLowerInvariant();
            if (order is not (null or "oldest" or "newest"))
            {
                return ControlProblems.InvalidQuery("order is oldest (the default) or newest");
            }

            if (query.Limit is < 1)
            {
                return ControlProblems.InvalidQuery("limit is a number of tickets, 1 or more");
            }

            if (!TryInstant(query.DueBefore, out var due) || !TryInstant(query.ReceivedFrom, out var from) || !TryInstant(query.ReceivedBefore, out var before))
            {
                return ControlProblems.InvalidQuery("dueBefore, receivedFrom and receivedBefore are ISO 8601 instants");
            }

            var filter = new TicketFilter
            {
                Status = status, Channel = query.Channel, Overdue = query.Overdue ?? false, DueBefore = due, Review = query.Review ?? false,
                Corrected = query.Corrected ?? false, Sender = query.Sender, Limit = query.Limit ?? TicketFilter.DefaultListLimit,
                ReceivedFrom = from, ReceivedBefore = before, After = query.After, NewestFirst = order == "newest",
            };
            IReadOnlyList<Ticket> tickets;
            try
            {
                tickets = await client.ListTicketsAsync(filter, ct).ConfigureAwait(false);
            }
            catch (UnknownTicketException ex)
            {
                return ControlProblems.UnknownAfter(ex.Number);
            }

            if (TicketFilter.IsCut(query.Limit, tickets.Count))
            {
                // The array is the answer's whole body, so the cut is said in a header: ask again with limit= or filters.
                http.Response.Headers["X-Result-Limited"] = TicketFilter.DefaultListLimit.ToString(CultureInfo.InvariantCulture);
            }

            if (TicketFilter.MayHaveMore(query.Limit, tickets.Count))
            {
                http.Response.Headers[NextHeader] = tickets[^1].Number;
            }

            return Results.Json(tickets);
        }).ProducesProblem(StatusCodes.Status400BadRequest);

    private static bool TryInstant(string? text, out DateTimeOffset? instant)
    {
        instant = null;
        if (text is null)
        {
            return true;
        }

        if (!DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var parsed))
        {
            return false;
        }

        instant = parsed;
        return true;
    }
}
