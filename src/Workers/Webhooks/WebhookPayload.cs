using System.Text.Json;
using ContactCenter.Core.Storage;
using ContactCenter.Core.Tickets;
using ContactCenter.Workers.Backoffice;

namespace ContactCenter.Workers.Webhooks;

/// <summary>
/// The JSON body: the event (its id is also <c>webhook-id</c>, the idempotency key) and the ticket as the backoffice API
/// shows it, in its state at delivery time, so a late or repeated event never carries an older state than an earlier one.
/// </summary>
internal static class WebhookPayload
{
    public static byte[] Build(WebhookDelivery row, Ticket ticket) =>
        JsonSerializer.SerializeToUtf8Bytes(new Body(row.EventId, row.EventType, row.CreatedAt, row.Change, ticket.Number, ticket), BackofficeJson.Options);

    private sealed record Body(string Id, string Type, DateTimeOffset OccurredAt, string Change, string TicketNumber, Ticket Ticket);
}
