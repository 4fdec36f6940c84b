namespace ContactCenter.Core.Storage;

/// <param name="LinkedTicketNumber">For a ticket a follow-up opened beside the one it named (a stranger's, or one too large
/// for it): the named ticket, which changed too (a note pointing to the new one).</param>
public sealed record DispatchOutcome(string SourceKey, DispatchOutcomeKind Kind, string? TicketNumber, string? LinkedTicketNumber = null);
