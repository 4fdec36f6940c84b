namespace ContactCenter.Core.Receipts;

/// <summary>Whether a new ticket gets a receipt, and where; when not, why (kept in the ticket's history).</summary>
/// <param name="Limit">The daily limit the store checks when it queues the receipt (null: none).</param>
public sealed record ReceiptDecision(string? To, string? SuppressedReason, ReceiptDailyLimit? Limit = null)
{
    public static ReceiptDecision Send(string to, ReceiptDailyLimit? limit = null) => new(to, null, limit);

    public static ReceiptDecision Suppress(string reason) => new(null, reason);
}
