namespace ContactCenter.Core.Routing.Evaluation;

/// <summary>How well the rules agree with the operators: accuracies, confusion matrices and the misses.</summary>
public sealed class EvaluationReport
{
    public int Total { get; init; }
    public int LevelCorrect { get; init; }
    public int CategoryCorrect { get; init; }
    public double LevelAccuracy => Total == 0 ? 0 : (double)LevelCorrect / Total;
    public double CategoryAccuracy => Total == 0 ? 0 : (double)CategoryCorrect / Total;
    public required ConfusionMatrix LevelMatrix { get; init; }
    public required ConfusionMatrix CategoryMatrix { get; init; }
    public IReadOnlyList<EvaluationMiss> Misses { get; init; } = [];
}
