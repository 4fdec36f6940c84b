using ContactCenter.Core.Routing.Evaluation;
using Microsoft.ML;

namespace ContactCenter.Ml;

/// <summary>
/// Trains the level and the category classifiers from labelled requests and operators' corrections: every candidate
/// setting is cross-validated on the training data, the best (the simplest on a tie) is trained on all of it.
/// </summary>
internal sealed class RoutingModelTrainer(TimeProvider time)
{
    public RoutingModel Train(IReadOnlyList<LabelledRequest> labelled, IReadOnlyList<LabelledRequest> corrections,
        TrainingRequest request)
    {
        if (labelled.Count + corrections.Count < request.Folds * 2)
        {
            throw new InvalidDataException($"Too few labelled requests to train ({labelled.Count + corrections.Count}); at least {request.Folds * 2}.");
        }

        var ml = new MLContext(RoutingPipeline.Seed);
        var rows = labelled.Select(r => (Request: r, Weight: 1f)).Concat(corrections.Select(r => (Request: r, Weight: request.CorrectionWeight)))
            .Select(x => (Text: RoutingText.Of(x.Request), x.Request, x.Weight)).ToList();
        var (level, levelSettings, levelAccuracy) = Fit(ml, rows.Select(x => Example(x.Text, x.Request.ExpectedLevel.ToString(), x.Weight)), request.Folds);
        var (category, categorySettings, categoryAccuracy) = Fit(ml, rows.Select(x => Example(x.Text, x.Request.ExpectedCategory, x.Weight)), request.Folds);
        var manifest = new RoutingModelManifest
        {
            TrainedAt = time.GetUtcNow(),
            Examples = labelled.Count,
            Corrections = corrections.Count,
            Sources = [.. request.Sources],
            LevelSettings = levelSettings.ToString(),
            CategorySettings = categorySettings.ToString(),
            LevelCrossValidationAccuracy = Math.Round(levelAccuracy, 4),
            CategoryCrossValidationAccuracy = Math.Round(categoryAccuracy, 4),
        };
        return new RoutingModel(manifest, level, category);
    }

    private static RoutingExample Example(string text, string label, float weight) => new() { Text = text, Label = label, Weight = weight };

    private static (LabelModel Model, TrainerSettings Settings, double Accuracy) Fit(MLContext ml, IEnumerable<RoutingExample> examples, int folds)
    {
        var data = ml.Data.LoadFromEnumerable(examples.ToList());
        TrainerSettings? best = null;
        var bestAccuracy = double.MinValue;
        foreach (var settings in TrainerSettings.Candidates)
        {
            var results = ml.MulticlassClassification.CrossValidate(data, RoutingPipeline.Build(ml, settings), folds, "Label", seed: RoutingPipeline.Seed);
            var accuracy = results.Average(r => r.Metrics.MicroAccuracy);
            if (accuracy > bestAccuracy + 1e-9)
            {
                (best, bestAccuracy) = (settings, accuracy);
            }
        }

        var transformer = RoutingPipeline.Build(ml, best!).Fit(data);
        return (new LabelModel(ml, transformer, data.Schema), best!, bestAccuracy);
    }
}
