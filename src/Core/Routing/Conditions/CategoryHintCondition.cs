namespace ContactCenter.Core.Routing.Conditions;

/// <summary>The channel's category hint (e.g. the scan subfolder) is one of these, ignoring case and accents.</summary>
internal sealed class CategoryHintCondition(IReadOnlyList<string> hints) : IRuleCondition
{
    public ConditionResult Evaluate(DraftView view)
    {
        var hint = view.Draft.CategoryHint;
        if (string.IsNullOrWhiteSpace(hint))
        {
            return ConditionResult.Fail("no category hint");
        }

        var folded = TextFolding.Fold(hint.Trim());
        return hints.Any(h => TextFolding.Fold(h.Trim()) == folded)
            ? ConditionResult.Pass($"category hint is \"{hint}\"")
            : ConditionResult.Fail(() => $"category hint \"{hint}\" is not one of {ListText.Of(hints)}");
    }
}
