namespace ContactCenter.Workers.Backoffice;

/// <summary>The body of <c>POST /api/quarantine/{id}/retry|discard</c>; discard needs the reason.</summary>
internal sealed record QuarantineRequest(string? Actor, string? Reason);
