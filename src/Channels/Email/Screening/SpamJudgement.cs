namespace ContactCenter.Channels.Email.Screening;

/// <summary>What an engine or the MTA's headers said: a score, whether it called the message spam, its action and rules.</summary>
public sealed record SpamJudgement(string Engine, double Score, bool IsSpam, string? Action, IReadOnlyList<string> Symbols);
