namespace ContactCenter.Core.Storage;

/// <summary>The event types a webhook can subscribe to.</summary>
public static class WebhookEventTypes
{
    public const string TicketCreated = "ticket.created";
    public const string TicketUpdated = "ticket.updated";

    public static readonly IReadOnlyList<string> All = [TicketCreated, TicketUpdated];
}
