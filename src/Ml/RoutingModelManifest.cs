namespace ContactCenter.Ml;

/// <summary>What a model file says about itself: version, what it learned from, the settings cross-validation chose.</summary>
public sealed class RoutingModelManifest
{
    public int Version { get; set; }
    public DateTimeOffset TrainedAt { get; set; }
    public int Examples { get; set; }
    public int Corrections { get; set; }
    public List<string> Sources { get; set; } = [];
    /// <summary>The text the model was trained on (<see cref="RoutingText.Description"/>; empty in a model trained before it was recorded).</summary>
    public string Text { get; set; } = "";

    public string LevelSettings { get; set; } = "";
    public string CategorySettings { get; set; } = "";

    /// <summary>Mean accuracy over the folds of the chosen setting (on the training data, corrections included).</summary>
    public double LevelCrossValidationAccuracy { get; set; }
    public double CategoryCrossValidationAccuracy { get; set; }

    /// <summary>
    /// The probability at which the model overrides a rule that decided, chosen by the same cross-validation
    /// (none in a model trained before it was chosen: then <see cref="RoutingModelOptions.DefaultOverrideConfidence"/>).
    /// </summary>
    public double? LevelOverrideConfidence { get; set; }
    public double? CategoryOverrideConfidence { get; set; }

    /// <summary>The override probability when the model says second level against a rule's first (else <see cref="LevelOverrideConfidence"/>).</summary>
    public double? SecondLevelOverrideConfidence { get; set; }

    /// <summary>The probability of the second level from which the model says second (none: the likelier level).</summary>
    public double? SecondLevelFrom { get; set; }

    /// <summary>Below this level probability a ticket the model decided is flagged for review (<see cref="ReviewThreshold"/>).</summary>
    public double? ReviewBelow { get; set; }

    /// <summary>Mean accuracy over the folds of the rules and the model combined at that probability.</summary>
    public double LevelCombinedCrossValidationAccuracy { get; set; }
    public double CategoryCombinedCrossValidationAccuracy { get; set; }

    /// <summary>Second-level recall over the folds of the rules and the model combined as chosen (0 in an older model).</summary>
    public double LevelCombinedCrossValidationSecondLevelRecall { get; set; }

    /// <summary>
    /// The rules the override probabilities were chosen against (<see cref="Core.Routing.RoutingRulesFingerprint"/>;
    /// empty in a model trained before it was recorded) and how many there were.
    /// </summary>
    public string RulesFingerprint { get; set; } = "";
    public int RuleCount { get; set; }
}
