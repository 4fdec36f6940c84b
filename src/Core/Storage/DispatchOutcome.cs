namespace ContactCenter.Core.Storage;

public sealed record DispatchOutcome(string SourceKey, DispatchOutcomeKind Kind, string? TicketNumber);
