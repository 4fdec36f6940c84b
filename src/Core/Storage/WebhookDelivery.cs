namespace ContactCenter.Core.Storage;

/// <summary>
/// One ticket event waiting for, or done with, one webhook: written in the same commit as the ticket change, so a
/// crash cannot lose it. <see cref="EventId"/> is shared by every webhook's row of the same event and is the
/// receiver's idempotency key (<c>webhook-id</c>).
/// </summary>
public sealed class WebhookDelivery
{
    public int Id { get; set; }
    public string EventId { get; set; } = "";
    public string Webhook { get; set; } = "";

    /// <summary><see cref="WebhookEventTypes.TicketCreated"/> or <see cref="WebhookEventTypes.TicketUpdated"/>.</summary>
    public string EventType { get; set; } = "";
    public string TicketNumber { get; set; } = "";

    /// <summary>The history entry that caused the event (Received, FollowUpAppended, Closed, ...).</summary>
    public string Change { get; set; } = "";
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset NextAttemptAt { get; set; }
    public int Attempts { get; set; }
    public string? LastError { get; set; }
    public DateTimeOffset? DeliveredAt { get; set; }

    /// <summary>Set when the sender stopped trying (too many attempts, webhook removed from the configuration).</summary>
    public DateTimeOffset? AbandonedAt { get; set; }
}
