namespace ContactCenter.Core.Routing;

/// <summary>
/// What one rule made of a request: whether all its conditions held, which held (<see cref="Reasons"/>), which did
/// not (<see cref="Failures"/>), and what it decided for the result (empty when an earlier rule had decided it all).
/// </summary>
public sealed record RuleExplanation(
    int Index,
    string Name,
    bool Matched,
    IReadOnlyList<string> Reasons,
    IReadOnlyList<string> Failures,
    IReadOnlyList<string> Decided);
