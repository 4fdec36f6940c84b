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

    public RoutingEvaluation CrossValidate(IReadOnlyList<LabelledRequest> requests, int folds)
    {
        var keys = requests.Select((r, i) => r.ToDraft(i).SourceKey).ToList();
        if (keys.Distinct(StringComparer.Ordinal).Count() != keys.Count)
        {
            throw new InvalidDataException("The training set has duplicate ids: cross-validation needs one id per request.");
        }

        var fold = RoutingFolds.Stratified(requests, folds);
        var models = new Dictionary<string, RoutingModel>(StringComparer.Ordinal);
        for (var f = 0; f < folds; f++)
        {
            var train = requests.Where((_, i) => fold[i] != f).ToList();
            var model = trainer.Train(train, [], new TrainingRequest(options.Folds, options.CorrectionWeight, ["fold"]));
            for (var i = 0; i < requests.Count; i++)
            {
                if (fold[i] == f)
                {
                    models[keys[i]] = model;
                }
            }
        }

        return Evaluate(requests, draft => models[draft.SourceKey]);
    }

    private RoutingEvaluation Evaluate(IReadOnlyList<LabelledRequest> requests, Func<TicketDraft, RoutingModel?> modelFor)
    {
        var combined = new LearnedTicketClassifier(rules, new DelegateRoutingModelSource(modelFor), options, routing, NullLogger.Instance);
        var model = new ModelOnlyClassifier(new DelegateRoutingModelSource(modelFor), options.ExplainWords);
        var anyModel = requests.Select((r, i) => modelFor(r.ToDraft(i))).FirstOrDefault(m => m is not null);
        return new RoutingEvaluation(
            new ClassificationEvaluator(rules).Evaluate(requests),
            anyModel is null ? null : new ClassificationEvaluator(model).Evaluate(requests),
            new ClassificationEvaluator(combined).Evaluate(requests),
            anyModel?.Version);
    }
}
