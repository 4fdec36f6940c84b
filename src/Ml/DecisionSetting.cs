using System.Globalization;

namespace ContactCenter.Ml;

/// <summary>
/// How the combined classifier weighs a model's level against the rules, as configured or (unset) as the model's
/// manifest records it: the second level's threshold and the two override probabilities. The one place that resolves
/// them: <see cref="LearnedTicketClassifier"/> decides with it, <c>classify evaluate</c> and <c>classify train</c> report it.
/// </summary>
internal sealed record DecisionSetting(double SecondLevelFrom, string From, double SecondLevelOverrideConfidence, double LevelOverrideConfidence)
{
    public static DecisionSetting Of(RoutingModel model, RoutingModelOptions options) => new(
        model.SecondLevelFrom(options.SecondLevelFrom),
        options.SecondLevelFrom is null ? "the model's cross-validated choice" : "configured",
        options.OverrideConfidence ?? model.Manifest.SecondLevelOverrideConfidence ?? model.Manifest.LevelOverrideConfidence
            ?? RoutingModelOptions.DefaultOverrideConfidence,
        options.OverrideConfidence ?? model.Manifest.LevelOverrideConfidence ?? RoutingModelOptions.DefaultOverrideConfidence);

    /// <summary>The setting in the words <c>classify evaluate</c> and <c>classify train</c> print.</summary>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"second level from p={SecondLevelFrom:0.00} ({From}), a rule's first level turned second from p={SecondLevelOverrideConfidence:0.00}, a rule's second turned first from p={LevelOverrideConfidence:0.00}");
}
