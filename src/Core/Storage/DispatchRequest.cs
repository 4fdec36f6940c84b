using ContactCenter.Core.Intake;
using ContactCenter.Core.Tickets;

namespace ContactCenter.Core.Storage;

/// <summary>A normalised, classified item ready for the store.</summary>
public sealed class DispatchRequest
{
    public required TicketDraft Draft { get; init; }

    public required Classification Classification { get; init; }

    public required DateTimeOffset ClockStartedAt { get; init; }

    public required DateTimeOffset DueAt { get; init; }

    /// <summary>Address to queue a receipt for if this item opens a new ticket; null for none.</summary>
    public string? ReceiptTo { get; init; }

    /// <summary>Why no receipt is queued, recorded in the history (e.g. "no reply address").</summary>
    public string? ReceiptSuppressedReason { get; init; }

    /// <summary>
    /// The daily limit for <see cref="ReceiptTo"/>: the store queues the receipt only if fewer receipts were queued
    /// to that address since <see cref="Receipts.ReceiptDailyLimit.Since"/>, counting the ones of this very dispatch.
    /// </summary>
    public Receipts.ReceiptDailyLimit? ReceiptLimit { get; init; }
}
