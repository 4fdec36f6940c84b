namespace ContactCenter.Core.Sla;

/// <summary>When the answer clock starts (next service opening) and when the answer is due.</summary>
public sealed record SlaPlan(DateTimeOffset ClockStartedAt, DateTimeOffset DueAt);
