namespace ContactCenter.Core.Storage;

/// <summary>
/// Which configured webhooks want which event types. The store reads it when a ticket is created or changed and
/// queues one <see cref="WebhookDelivery"/> per subscribed webhook inside that same transaction.
/// </summary>
public sealed class WebhookSubscriptions
{
    public static readonly WebhookSubscriptions None = new([]);

    /// <summary>The change a named ticket's ticket.updated carries when a follow-up to it opened a linked ticket.</summary>
    public const string LinkedTicketOpened = "LinkedTicketOpened";

    private readonly IReadOnlyDictionary<string, IReadOnlySet<string>> _events;

    /// <param name="webhooks">Webhook name and the event types it subscribes to.</param>
    public WebhookSubscriptions(IEnumerable<KeyValuePair<string, IReadOnlySet<string>>> webhooks) =>
        _events = webhooks.ToDictionary(w => w.Key, w => w.Value, StringComparer.Ordinal);

    public bool IsEmpty => _events.Count == 0;

    /// <summary>The webhooks subscribed to this event type, in name order (so rows are queued in a stable order).</summary>
    public IEnumerable<string> For(string eventType) =>
        _events.Where(w => w.Value.Contains(eventType)).Select(w => w.Key).Order(StringComparer.Ordinal);

    /// <summary>
    /// What a dispatch batch announces: a created ticket is ticket.created, a follow-up or attached mail ticket.updated,
    /// and so is the ticket a follow-up named when it opened a ticket of its own (its history points to the new one).
    /// </summary>
    public IEnumerable<WebhookDelivery> Deliveries(IReadOnlyList<DispatchOutcome> outcomes, DateTimeOffset now) =>
        outcomes.Where(o => o.TicketNumber is not null).SelectMany(outcome => outcome.Kind switch
        {
            DispatchOutcomeKind.Created when outcome.LinkedTicketNumber is { } named =>
                Deliveries(WebhookEventTypes.TicketCreated, outcome.TicketNumber!, nameof(Tickets.TicketEventKind.Received), now)
                    .Concat(Deliveries(WebhookEventTypes.TicketUpdated, named, LinkedTicketOpened, now)),
            DispatchOutcomeKind.Created => Deliveries(WebhookEventTypes.TicketCreated, outcome.TicketNumber!, nameof(Tickets.TicketEventKind.Received), now),
            DispatchOutcomeKind.FollowUpAppended or DispatchOutcomeKind.AutoMailAttached =>
                Deliveries(WebhookEventTypes.TicketUpdated, outcome.TicketNumber!, outcome.Kind.ToString(), now),
            _ => [],
        });

    /// <summary>One event id, one row per subscribed webhook; the store inserts them inside the change's own transaction.</summary>
    public IEnumerable<WebhookDelivery> Deliveries(string eventType, string ticketNumber, string change, DateTimeOffset now)
    {
        string? eventId = null;
        foreach (var webhook in For(eventType))
        {
            eventId ??= "evt_" + Guid.CreateVersion7(now).ToString("N");
            yield return new WebhookDelivery
            {
                EventId = eventId,
                Webhook = webhook,
                EventType = eventType,
                TicketNumber = ticketNumber,
                Change = change,
                CreatedAt = now,
                NextAttemptAt = now,
            };
        }
    }
}
