namespace ContactCenter.Core.Routing.Evaluation;

/// <summary>How well the rules agree with the operators: accuracies, confusion matrices and the misses.</summary>
public sealed class EvaluationReport
{
    public int Total { get; init; }
    public int LevelCorrect { get; init; }
    public int CategoryCorrect { get; init; }
    public double LevelAccuracy => Total == 0 ? 0 : (double)LevelCorrect / Total;
    public double CategoryAccuracy => Total == 0 ? 0 : (double)CategoryCorrect / Total;

    /// <summary>Of the requests an operator put at the second level, the share the classifier put there too.</summary>
    public double SecondLevelRecall
    {
        get
        {
            var second = nameof(Tickets.ServiceLevel.Second);
            var expected = LevelMatrix.Labels.Sum(predicted => LevelMatrix[second, predicted]);
            return expected == 0 ? 0 : (double)LevelMatrix[second, second] / expected;
        }
    }

    /// <summary>Requests the classifier flagged for an operator's review (the learned model unsure, or disagreeing with a rule).</summary>
    public int Flagged { get; init; }

    /// <summary>
    /// Second-level requests put at the first level that were flagged for review all the same: an operator looks at
    /// them before the first level answers, so they are misses the review can still catch.
    /// </summary>
    public int SecondLevelMissesFlagged { get; init; }

    public required ConfusionMatrix LevelMatrix { get; init; }
    public required ConfusionMatrix CategoryMatrix { get; init; }
    public IReadOnlyList<EvaluationMiss> Misses { get; init; } = [];
}
