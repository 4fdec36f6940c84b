namespace ContactCenter.Core.Receipts;

/// <summary>Whether a new ticket gets a receipt, and where; when not, why (kept in the ticket's history).</summary>
public sealed record ReceiptDecision(string? To, string? SuppressedReason)
{
    public static ReceiptDecision Send(string to) => new(to, null);

    public static ReceiptDecision Suppress(string reason) => new(null, reason);
}
