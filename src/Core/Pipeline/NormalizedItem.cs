using ContactCenter.Core.Intake;

namespace ContactCenter.Core.Pipeline;

/// <summary>
/// An item after its normaliser ran: its drafts (one, or several when a scanned batch holds several letters), or the
/// reason it goes to quarantine.
/// </summary>
internal readonly record struct NormalizedItem(InboundItem Item, IReadOnlyList<TicketDraft> Drafts, string? RejectReason)
{
    public static NormalizedItem Rejected(InboundItem item, string reason) => new(item, [], reason);
}
