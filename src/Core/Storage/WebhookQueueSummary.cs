namespace ContactCenter.Core.Storage;

/// <summary>One webhook's deliveries in the store, for <c>status</c> and the gauges.</summary>
public sealed record WebhookQueueSummary(
    string Webhook,
    int Pending,
    DateTimeOffset? OldestPendingAt,
    int Delivered,
    int Abandoned,
    string? LastError);
