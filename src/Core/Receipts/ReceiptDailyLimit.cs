namespace ContactCenter.Core.Receipts;

/// <summary>
/// At most <paramref name="MaxPerDay"/> receipts to one address since <paramref name="Since"/> (midnight in the
/// service's zone). Enforced by the store when it queues a receipt, in the same transaction: only receipts actually
/// queued count, so follow-ups and duplicates never use the limit up, and a one-shot run and the long-running service
/// count alike.
/// </summary>
public sealed record ReceiptDailyLimit(int MaxPerDay, DateTimeOffset Since)
{
    /// <summary>Kept in the ticket's history, so in Italian for the backoffice.</summary>
    public string Reason => $"limite giornaliero di {MaxPerDay} ricevute per questo mittente raggiunto";
}
