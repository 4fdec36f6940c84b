using ContactCenter.Core.Routing;

namespace ContactCenter.Ml;

/// <summary>One request as the trainer sees it: the model's text, how much it counts, and what the rules decide on it.</summary>
internal sealed record TrainingRow(string Text, float Weight, RuleDecision Rules);
