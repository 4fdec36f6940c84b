namespace ContactCenter.Core.Sla;

/// <summary>A day the offices are closed, with its name.</summary>
public sealed record Holiday(DateOnly Date, string Name);
