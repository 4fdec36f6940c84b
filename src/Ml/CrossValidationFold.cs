namespace ContactCenter.Ml;

/// <summary>
/// One outer fold of <c>classify evaluate --train</c>: the combined classifier's level figures on the fold, and the
/// second-level threshold and override probabilities the inner cross-validation chose for the fold's model.
/// </summary>
internal sealed record CrossValidationFold(
    int Repeat,
    int Fold,
    int Total,
    int LevelCorrect,
    int SecondLevel,
    int SecondLevelCorrect,
    double SecondLevelFrom,
    double SecondLevelOverrideConfidence,
    double LevelOverrideConfidence)
{
    public double LevelAccuracy => Total == 0 ? 0 : (double)LevelCorrect / Total;

    public double SecondLevelRecall => SecondLevel == 0 ? 0 : (double)SecondLevelCorrect / SecondLevel;
}
