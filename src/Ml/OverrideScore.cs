using ContactCenter.Core.Routing;

namespace ContactCenter.Ml;

/// <summary>
/// Scores one candidate (settings and combination) on out-of-fold predictions as <see cref="RoutingModel"/> and
/// <see cref="LearnedTicketClassifier"/> would decide: the model says the recalled label (the second level) once its
/// probability reaches <see cref="LabelChoice.SecondLevelFrom"/>; where a rule decided, its label stands unless the model
/// disagrees with at least the override probability; elsewhere the model decides. Weighted by the rows' weights (an
/// operator's correction counts more). With a recalled label the score is the mean of accuracy and its recall, and the
/// recall is kept for <see cref="LabelChoice.Beats"/>.
/// </summary>
internal static class OverrideScore
{
    public static LabelChoice Of(TrainerSettings settings, (double Override, double SecondOverride, double SecondFrom) policy,
        List<TrainingRow> rows, List<string> labels, LabelPrediction[] predicted, Func<RuleDecision, string?> ruled, string? recalled)
    {
        double total = 0, model = 0, combined = 0, recallTotal = 0, recallHit = 0;
        for (var i = 0; i < rows.Count; i++)
        {
            var w = rows[i].Weight;
            var (label, probability) = Lean(predicted[i], recalled, policy.SecondFrom);

            var rule = ruled(rows[i].Rules);
            var threshold = label == recalled ? policy.SecondOverride : policy.Override;
            var decided = rule is null || (label != rule && probability >= threshold) ? label : rule;
            total += w;
            model += label == labels[i] ? w : 0;
            combined += decided == labels[i] ? w : 0;
            if (recalled is not null && labels[i] == recalled)
            {
                recallTotal += w;
                recallHit += decided == recalled ? w : 0;
            }
        }

        var accuracy = combined / total;
        var recall = recallTotal == 0 ? 0 : recallHit / recallTotal;
        var score = recalled is null || recallTotal == 0 ? accuracy : (accuracy + recall) / 2;
        return new LabelChoice(settings, policy.Override, policy.SecondOverride, policy.SecondFrom, model / total, accuracy, score, recall);
    }

    /// <summary>A two-label prediction turned to <paramref name="recalled"/> once that label's probability reaches <paramref name="from"/>.</summary>
    public static (string Label, double Probability) Lean(LabelPrediction predicted, string? recalled, double from) =>
        recalled is not null && predicted.Label != recalled && 1 - predicted.Probability >= from
            ? (recalled, 1 - predicted.Probability)
            : (predicted.Label, predicted.Probability);
}
