namespace ContactCenter.Ml;

/// <summary>
/// The level probability below which a ticket the model decided is flagged for review, chosen on out-of-fold
/// predictions: the lowest candidate at which the model's level is right at least <see cref="Target"/> of the time
/// on the requests it would decide alone (weighted as in training).
/// </summary>
internal static class ReviewThreshold
{
    /// <summary>The level accuracy the service is held to.</summary>
    public const double Target = 0.95;

    public static readonly IReadOnlyList<double> Candidates = [0.5, 0.55, 0.6, 0.65, 0.7, 0.75, 0.8, 0.85, 0.9, 0.95];

    public static double Of(IReadOnlyList<(string Label, double Probability)> predicted, IReadOnlyList<string> labels, IReadOnlyList<float> weights)
    {
        foreach (var threshold in Candidates)
        {
            double kept = 0, right = 0;
            for (var i = 0; i < predicted.Count; i++)
            {
                if (predicted[i].Probability >= threshold)
                {
                    kept += weights[i];
                    right += predicted[i].Label == labels[i] ? weights[i] : 0;
                }
            }

            if (kept > 0 && right / kept >= Target)
            {
                return threshold;
            }
        }

        return Candidates[^1];
    }
}
