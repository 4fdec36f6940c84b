using System.Globalization;

namespace ContactCenter.Ml;

/// <summary>One candidate setting of the featurizer and the maximum-entropy trainer, compared by cross-validation.</summary>
public sealed record TrainerSettings(float L2Regularization, int CharGramLength)
{
    /// <summary>The candidates, the stronger regularisation first: on a tie the first wins.</summary>
    public static readonly IReadOnlyList<TrainerSettings> Candidates =
    [
        new(0.1f, 3), new(0.03f, 4), new(0.01f, 4), new(0.003f, 4),
    ];

    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"L2 {L2Regularization}, char {CharGramLength}-grams");
}
