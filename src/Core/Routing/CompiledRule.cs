namespace ContactCenter.Core.Routing;

/// <summary>A rule with its words stemmed and regexes built, ready to run against many drafts.</summary>
internal sealed class CompiledRule(int index, RoutingRule rule, IReadOnlyList<IRuleCondition> conditions)
{
    public int Index { get; } = index;

    public RoutingRule Rule { get; } = rule;

    /// <summary>Runs the conditions; stops at the first failure unless an explanation wants them all.</summary>
    public (bool Matched, List<string> Reasons, List<string> Failures) Evaluate(DraftView view, bool all)
    {
        var reasons = new List<string>();
        var failures = new List<string>();
        foreach (var condition in conditions)
        {
            var result = condition.Evaluate(view);
            if (!result.Passed && !all)
            {
                // Classifying needs only that the rule failed: its reasons are dropped, so none is written.
                return (false, reasons, failures);
            }

            (result.Passed ? reasons : failures).AddRange(result.Reasons);
        }

        return (failures.Count == 0, reasons, failures);
    }
}
