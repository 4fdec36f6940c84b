using ContactCenter.Core.Routing;
using ContactCenter.Core.Routing.Evaluation;
using ContactCenter.Core.Tickets;
using Microsoft.ML;

namespace ContactCenter.Ml;

/// <summary>
/// Trains the level and the category classifiers from labelled requests and operators' corrections. Every candidate
/// setting is cross-validated on the training data (stratified folds, fixed seed); its out-of-fold predictions are
/// combined with the rules' decisions on the same requests at every candidate override probability, and the pair
/// that scores best is kept (on a tie the stronger regularisation and the higher override probability, i.e. the one
/// that leaves more to the rules). The chosen model is then trained on all the data and the choice recorded in the
/// manifest. A complex request sent to the first level is the harm, so for the level the choice with the highest
/// second-level recall wins among those that keep the combined accuracy at <see cref="LevelAccuracyFloor"/>
/// (<see cref="LabelChoice.Beats"/>; when none does, the mean of accuracy and recall), the category by its accuracy. The same out-of-fold predictions set the level probability
/// below which a ticket is flagged for review (<see cref="ReviewThreshold"/>).
/// </summary>
internal sealed class RoutingModelTrainer(RuleBasedClassifier rules, RoutingOptions routing, TimeProvider time)
{
    /// <summary>Override probabilities tried, highest first: "high confidence", never a coin toss.</summary>
    public static readonly IReadOnlyList<double> OverrideCandidates = [0.95, 0.9, 0.85, 0.8, 0.75, 0.7];

    /// <summary>Probabilities of the second level from which the model says second, one half (no lean) first.</summary>
    public static readonly IReadOnlyList<double> SecondLevelFromCandidates = [0.5, 0.45, 0.4, 0.35, 0.3, 0.25, 0.2];

    /// <summary>
    /// The combined level accuracy a choice must keep in cross-validation while it raises second-level recall (the
    /// service is held to both at this figure).
    /// </summary>
    public const double LevelAccuracyFloor = ReviewThreshold.Target;

    public RoutingModel Train(IReadOnlyList<LabelledRequest> labelled, IReadOnlyList<LabelledRequest> corrections,
        TrainingRequest request)
    {
        if (labelled.Count + corrections.Count < request.Folds * 2)
        {
            throw new InvalidDataException($"Too few labelled requests to train ({labelled.Count + corrections.Count}); at least {request.Folds * 2}.");
        }

        var ml = new MLContext(RoutingPipeline.Seed);
        List<LabelledRequest> requests = [.. labelled, .. corrections];
        var rows = requests.Select((r, i) => new TrainingRow(RoutingText.Of(r), i < labelled.Count ? 1f : request.CorrectionWeight, rules.Decide(r.ToDraft(i))))
            .ToList();
        var folds = RoutingFolds.Stratified(requests, request.Folds);
        var (level, levelChoice) = Fit(ml, rows, folds, request.Folds, [.. requests.Select(r => r.ExpectedLevel.ToString())],
            d => d.LevelDecided ? d.Result.Level.ToString() : null, nameof(ServiceLevel.Second));
        var (category, categoryChoice) = Fit(ml, rows, folds, request.Folds, [.. requests.Select(r => r.ExpectedCategory)],
            d => d.CategoryDecided ? d.Result.Category : null, null);
        var manifest = new RoutingModelManifest
        {
            TrainedAt = time.GetUtcNow(),
            Examples = labelled.Count,
            Corrections = corrections.Count,
            Sources = [.. request.Sources],
            Text = RoutingText.Description,
            LevelSettings = levelChoice.Settings.ToString(),
            CategorySettings = categoryChoice.Settings.ToString(),
            LevelCrossValidationAccuracy = Math.Round(levelChoice.ModelAccuracy, 4),
            CategoryCrossValidationAccuracy = Math.Round(categoryChoice.ModelAccuracy, 4),
            LevelOverrideConfidence = levelChoice.OverrideConfidence,
            SecondLevelOverrideConfidence = levelChoice.SecondLevelOverrideConfidence,
            SecondLevelFrom = levelChoice.SecondLevelFrom,
            ReviewBelow = ReviewThreshold.Of(
                [.. levelChoice.Predicted.Select(p => OverrideScore.Lean(p, nameof(ServiceLevel.Second), levelChoice.SecondLevelFrom))],
                [.. requests.Select(r => r.ExpectedLevel.ToString())], [.. rows.Select(r => r.Weight)]),
            CategoryOverrideConfidence = categoryChoice.OverrideConfidence,
            LevelCombinedCrossValidationAccuracy = Math.Round(levelChoice.CombinedAccuracy, 4),
            LevelCombinedCrossValidationSecondLevelRecall = Math.Round(levelChoice.SecondLevelRecall, 4),
            CategoryCombinedCrossValidationAccuracy = Math.Round(categoryChoice.CombinedAccuracy, 4),
            RulesFingerprint = RoutingRulesFingerprint.Of(routing.Rules),
            RuleCount = routing.Rules.Count,
        };
        return new RoutingModel(manifest, level, category);
    }

    private static (LabelModel Model, LabelChoice Choice) Fit(MLContext ml, List<TrainingRow> rows, int[] folds, int count,
        List<string> labels, Func<RuleDecision, string?> ruled, string? recalled)
    {
        LabelChoice? best = null;
        foreach (var settings in TrainerSettings.Candidates)
        {
            var predicted = OutOfFold(ml, rows, labels, folds, count, settings);
            foreach (var policy in Policies(recalled is not null))
            {
                var choice = OverrideScore.Of(settings, policy, rows, labels, predicted, ruled, recalled);
                if (choice.Beats(best, recalled is not null, LevelAccuracyFloor))
                {
                    best = choice with { Predicted = predicted };
                }
            }
        }

        var data = ml.Data.LoadFromEnumerable(rows.Select((r, i) => Example(r, labels[i])).ToList());
        var transformer = RoutingPipeline.Build(ml, best!.Settings).Fit(data);
        return (new LabelModel(ml, transformer, data.Schema), best);
    }

    /// <summary>The combinations tried: for the level, every lean towards the second level and both override probabilities.</summary>
    private static IEnumerable<(double Override, double SecondOverride, double SecondFrom)> Policies(bool level) =>
        level
            ? from lean in SecondLevelFromCandidates
              from first in OverrideCandidates
              from second in OverrideCandidates
              select (first, second, lean)
            : OverrideCandidates.Select(o => (o, o, 1.0));

    /// <summary>Every row's prediction by a model trained on the other folds.</summary>
    private static LabelPrediction[] OutOfFold(MLContext ml, List<TrainingRow> rows, List<string> labels, int[] folds, int count, TrainerSettings settings)
    {
        var predicted = new LabelPrediction[rows.Count];
        for (var f = 0; f < count; f++)
        {
            var data = ml.Data.LoadFromEnumerable(rows.Select((r, i) => (Row: r, i)).Where(x => folds[x.i] != f).Select(x => Example(x.Row, labels[x.i])).ToList());
            var model = new LabelModel(ml, RoutingPipeline.Build(ml, settings).Fit(data), data.Schema);
            for (var i = 0; i < rows.Count; i++)
            {
                if (folds[i] == f)
                {
                    predicted[i] = model.Predict(rows[i].Text, 0);
                }
            }
        }

        return predicted;
    }

    private static RoutingExample Example(TrainingRow row, string label) => new() { Text = row.Text, Label = label, Weight = row.Weight };
}
