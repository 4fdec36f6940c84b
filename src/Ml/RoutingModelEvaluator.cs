using ContactCenter.Core.Intake;
using ContactCenter.Core.Routing;
using ContactCenter.Core.Routing.Evaluation;
using ContactCenter.Core.Tickets;
using Microsoft.Extensions.Logging.Abstractions;

namespace ContactCenter.Ml;

/// <summary>
/// Measures the classifier the configuration sets up: the rules, the configured model and both together on a
/// labelled set; and k-fold cross-validation of the model and of the combination on a training set, each fold's model
/// trained on the other folds exactly as <c>classify train</c> trains (the rules are fixed, not trained).
/// </summary>
internal sealed class RoutingModelEvaluator(
    RuleBasedClassifier rules,
    IRoutingModelSource configured,
    RoutingModelTrainer trainer,
    RoutingModelOptions options,
    RoutingOptions routing)
{
    public RoutingEvaluation Evaluate(IReadOnlyList<LabelledRequest> requests) => Evaluate(requests, configured.ModelFor);

    /// <summary>
    /// Outer k-fold cross-validation, repeated on <paramref name="repeats"/> shuffles (the first with the fixed seed of
    /// training): the first repeat pooled, and every fold's figures for the spread.
    /// </summary>
    public RoutingCrossValidation CrossValidate(IReadOnlyList<LabelledRequest> requests, int folds, int repeats = 1)
    {
        var keys = requests.Select((r, i) => r.ToDraft(i).SourceKey).ToList();
        if (keys.Distinct(StringComparer.Ordinal).Count() != keys.Count)
        {
            throw new InvalidDataException("The training set has duplicate ids: cross-validation needs one id per request.");
        }

        RoutingEvaluation? pooled = null;
        var scores = new List<CrossValidationFold>();
        for (var repeat = 0; repeat < repeats; repeat++)
        {
            var fold = RoutingFolds.Stratified(requests, folds, RoutingPipeline.Seed + repeat);
            var models = new Dictionary<string, RoutingModel>(StringComparer.Ordinal);
            for (var f = 0; f < folds; f++)
            {
                var train = requests.Where((_, i) => fold[i] != f).ToList();
                var model = trainer.Train(train, [], new TrainingRequest(options.Folds, options.CorrectionWeight, ["fold"]));
                var held = new List<LabelledRequest>();
                for (var i = 0; i < requests.Count; i++)
                {
                    if (fold[i] == f)
                    {
                        models[keys[i]] = model;
                        held.Add(requests[i]);
                    }
                }

                scores.Add(Score(repeat, f, held, model));
            }

            pooled ??= Evaluate(requests, draft => models[draft.SourceKey]);
        }

        return new RoutingCrossValidation(pooled!, scores);
    }

    private CrossValidationFold Score(int repeat, int fold, List<LabelledRequest> held, RoutingModel model)
    {
        var combined = new LearnedTicketClassifier(rules, new DelegateRoutingModelSource(_ => model), options, routing, NullLogger.Instance);
        var report = new ClassificationEvaluator(combined).Evaluate(held);
        var second = nameof(ServiceLevel.Second);
        var setting = DecisionSetting.Of(model, options);
        return new CrossValidationFold(repeat, fold, report.Total, report.LevelCorrect,
            report.LevelMatrix.Labels.Sum(p => report.LevelMatrix[second, p]), report.LevelMatrix[second, second],
            setting.SecondLevelFrom, setting.SecondLevelOverrideConfidence, setting.LevelOverrideConfidence);
    }

    private RoutingEvaluation Evaluate(IReadOnlyList<LabelledRequest> requests, Func<TicketDraft, RoutingModel?> modelFor)
    {
        var combined = new LearnedTicketClassifier(rules, new DelegateRoutingModelSource(modelFor), options, routing, NullLogger.Instance);
        var model = new ModelOnlyClassifier(new DelegateRoutingModelSource(modelFor), options.ExplainWords, options.SecondLevelFrom);
        var anyModel = requests.Select((r, i) => modelFor(r.ToDraft(i))).FirstOrDefault(m => m is not null);
        return new RoutingEvaluation(
            new ClassificationEvaluator(rules).Evaluate(requests),
            anyModel is null ? null : new ClassificationEvaluator(model).Evaluate(requests),
            new ClassificationEvaluator(combined).Evaluate(requests),
            anyModel?.Version,
            anyModel is null ? null : DecisionSetting.Of(anyModel, options));
    }
}
