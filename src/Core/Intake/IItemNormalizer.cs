namespace ContactCenter.Core.Intake;

/// <summary>Turns an inbound item into a ticket draft, archiving its original and attachments on the way.</summary>
public interface IItemNormalizer
{
    /// <summary>True when this normaliser understands the item (by channel and original content type).</summary>
    bool CanNormalize(InboundItem item);

    /// <summary>Throws <see cref="InboundItemRejectedException"/> when the item must go to quarantine.</summary>
    Task<TicketDraft> NormalizeAsync(InboundItem item, CancellationToken cancellationToken);
}
