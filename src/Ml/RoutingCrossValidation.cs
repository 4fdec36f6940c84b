namespace ContactCenter.Ml;

/// <summary>
/// Cross-validation of the classifier: the first repeat pooled (rules, model, combined), and every outer fold of every
/// repeat for the spread.
/// </summary>
internal sealed record RoutingCrossValidation(RoutingEvaluation Pooled, IReadOnlyList<CrossValidationFold> Folds)
{
    /// <summary>Level accuracy and second-level recall of the combined classifier per repeat (all its folds pooled).</summary>
    public IEnumerable<(int Repeat, double LevelAccuracy, double SecondLevelRecall)> Repeats =>
        Folds.GroupBy(f => f.Repeat).Select(g => (g.Key,
            (double)g.Sum(f => f.LevelCorrect) / g.Sum(f => f.Total),
            (double)g.Sum(f => f.SecondLevelCorrect) / Math.Max(1, g.Sum(f => f.SecondLevel))));
}
