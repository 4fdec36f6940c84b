using ContactCenter.Core.Tickets;

namespace ContactCenter.Core.Routing;

/// <summary>
/// The rules' classification, whether a rule decided the level and the category or the default did, and why the text
/// was not classified (<see cref="DraftWords.Unavailable"/>; null when it was).
/// </summary>
public sealed record RuleDecision(Classification Result, bool LevelDecided, bool CategoryDecided, string? TextUnavailable);
