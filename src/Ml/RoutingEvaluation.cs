using ContactCenter.Core.Routing.Evaluation;

namespace ContactCenter.Ml;

/// <summary>
/// Rules alone, model alone (null without a model) and combined, on the same labelled requests, with the combination's
/// setting (null without a model).
/// </summary>
internal sealed record RoutingEvaluation(EvaluationReport Rules, EvaluationReport? Model, EvaluationReport Combined, int? ModelVersion,
    DecisionSetting? Setting = null);
