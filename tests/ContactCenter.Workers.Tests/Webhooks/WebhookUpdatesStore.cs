using ContactCenter.Core.Storage;

namespace ContactCenter.Workers.Tests.Webhooks;

/// <summary>The real store, keeping a copy of each webhook row as the sender saved it.</summary>
internal sealed class WebhookUpdatesStore(ITicketStore inner) : TicketStoreDecorator
{
    public List<(DateTimeOffset? DeliveredAt, DateTimeOffset? AbandonedAt, DateTimeOffset NextAttemptAt)> Saved { get; } = [];

    protected override ITicketStore Inner => inner;

    public override Task UpdateWebhookAsync(WebhookDelivery delivery, CancellationToken cancellationToken)
    {
        Saved.Add((delivery.DeliveredAt, delivery.AbandonedAt, delivery.NextAttemptAt));
        return base.UpdateWebhookAsync(delivery, cancellationToken);
    }
}
