namespace ContactCenter.Core.Storage;

/// <summary>
/// Which configured webhooks want which event types. The store reads it when a ticket is created or changed and
/// queues one <see cref="WebhookDelivery"/> per subscribed webhook inside that same transaction.
/// </summary>
public sealed class WebhookSubscriptions
{
    public static readonly WebhookSubscriptions None = new([]);

    private readonly IReadOnlyDictionary<string, IReadOnlySet<string>> _events;

    /// <param name="webhooks">Webhook name and the event types it subscribes to.</param>
    public WebhookSubscriptions(IEnumerable<KeyValuePair<string, IReadOnlySet<string>>> webhooks) =>
        _events = webhooks.ToDictionary(w => w.Key, w => w.Value, StringComparer.Ordinal);

    public bool IsEmpty => _events.Count == 0;

    /// <summary>The webhooks subscribed to this event type, in name order (so rows are queued in a stable order).</summary>
    public IEnumerable<string> For(string eventType) =>
        _events.Where(w => w.Value.Contains(eventType)).Select(w => w.Key).Order(StringComparer.Ordinal);
}
