using ContactCenter.Core.Intake;

namespace ContactCenter.Core.Pipeline;

/// <summary>An item after its normaliser ran: a draft, or the reason it goes to quarantine.</summary>
internal readonly record struct NormalizedItem(InboundItem Item, TicketDraft? Draft, string? RejectReason);
