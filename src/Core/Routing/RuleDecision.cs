using ContactCenter.Core.Tickets;

namespace ContactCenter.Core.Routing;

/// <summary>The rules' classification, and whether a rule decided the level and the category or the default did.</summary>
public sealed record RuleDecision(Classification Result, bool LevelDecided, bool CategoryDecided);
