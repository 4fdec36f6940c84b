namespace ContactCenter.Ml;

/// <summary>
/// What cross-validation chose for one label (level or category), with the out-of-fold figures that made the choice:
/// the featurizer and trainer settings; the probability at which the model overrides a rule that decided (for the
/// level, one to overturn a rule's second level and one to overturn a rule's first); and, for the level, the
/// probability of the second level from which the model says second (below one half: in doubt, second).
/// </summary>
internal sealed record LabelChoice(
    TrainerSettings Settings,
    double OverrideConfidence,
    double SecondLevelOverrideConfidence,
    double SecondLevelFrom,
    double ModelAccuracy,
    double CombinedAccuracy,
    double Score)
{
    /// <summary>The chosen settings' out-of-fold predictions (for the review threshold).</summary>
    public LabelPrediction[] Predicted { get; init; } = [];
}
