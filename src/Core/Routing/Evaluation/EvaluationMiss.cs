using ContactCenter.Core.Tickets;

namespace ContactCenter.Core.Routing.Evaluation;

/// <summary>A labelled request the rules got wrong (level or category), with the rule that decided.</summary>
public sealed record EvaluationMiss(
    string? Id,
    string Summary,
    ServiceLevel ExpectedLevel,
    ServiceLevel PredictedLevel,
    string ExpectedCategory,
    string PredictedCategory,
    string RuleName);
