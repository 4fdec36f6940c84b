namespace ContactCenter.Ml;

/// <summary>
/// What cross-validation chose for one label (level or category), with the out-of-fold figures that made the choice:
/// the featurizer and trainer settings; the probability at which the model overrides a rule that decided (for the
/// level, one to overturn a rule's second level and one to overturn a rule's first); and, for the level, the
/// probability of the second level from which the model says second (below one half: in doubt, second), with the
/// combination's second-level recall.
/// </summary>
internal sealed record LabelChoice(
    TrainerSettings Settings,
    double OverrideConfidence,
    double SecondLevelOverrideConfidence,
    double SecondLevelFrom,
    double ModelAccuracy,
    double CombinedAccuracy,
    double Score,
    double SecondLevelRecall = 0)
{
    /// <summary>The chosen settings' out-of-fold predictions (for the review threshold).</summary>
    public LabelPrediction[] Predicted { get; init; } = [];

    /// <summary>
    /// Whether this choice beats <paramref name="other"/>. For the level the cost is asymmetric (a complex request sent
    /// to the first level is the harm): among choices whose combined accuracy reaches <paramref name="accuracyFloor"/>,
    /// the higher second-level recall wins, then the higher accuracy; a choice that reaches the floor beats one that
    /// does not; below the floor, the higher score. For the category (<paramref name="recalls"/> false), the higher
    /// score. A tie keeps <paramref name="other"/>, the one tried first (the more conservative).
    /// </summary>
    public bool Beats(LabelChoice? other, bool recalls, double accuracyFloor)
    {
        const double Tie = 1e-9;
        if (other is null)
        {
            return true;
        }

        if (!recalls)
        {
            return Score > other.Score + Tie;
        }

        bool mine = CombinedAccuracy >= accuracyFloor - Tie, theirs = other.CombinedAccuracy >= accuracyFloor - Tie;
        return mine != theirs ? mine
            : !mine ? Score > other.Score + Tie
            : SecondLevelRecall > other.SecondLevelRecall + Tie
              || (Math.Abs(SecondLevelRecall - other.SecondLevelRecall) <= Tie && CombinedAccuracy > other.CombinedAccuracy + Tie);
    }
}
