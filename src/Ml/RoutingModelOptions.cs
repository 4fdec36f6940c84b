namespace ContactCenter.Ml;

/// <summary>The learned routing model beside the rules ("ContactCenter:Routing:Model").</summary>
public sealed class RoutingModelOptions
{
    public const string SectionName = "ContactCenter:Routing:Model";

    /// <summary>Off by default: the rules alone decide until someone trains a model and turns it on.</summary>
    public bool Enabled { get; set; }

    /// <summary>
    /// A models folder (versions <c>routing-v{n}.zip</c> and the pointer <c>current.json</c>, where <c>classify
    /// train</c> writes) or one model file (<c>.zip</c>, e.g. the demo's). Default <c>{DataDirectory}/models</c>.
    /// </summary>
    public string? Path { get; set; }

    /// <summary>Used for a model whose manifest names no review threshold (trained by an older version).</summary>
    public const double DefaultMinConfidence = 0.65;

    /// <summary>
    /// When the model decides the level with less probability than this, the ticket is flagged for review. Unset: the
    /// threshold chosen by cross-validation when training (the model's manifest, <c>reviewBelow</c>).
    /// </summary>
    public double? MinConfidence { get; set; }

    /// <summary>Used for a model whose manifest names no override probability (trained by an older version).</summary>
    public const double DefaultOverrideConfidence = 0.9;

    /// <summary>
    /// The model overrides a rule's level or category only when it disagrees with at least this probability. Unset:
    /// the probability cross-validation chose when training (in the model's manifest, per level and category).
    /// </summary>
    public double? OverrideConfidence { get; set; }

    /// <summary>
    /// The probability of the second level from which the model says second level (below one half: a doubtful request
    /// leans to the second level, because a complex request sent to the first level costs more than the reverse).
    /// Unset: the threshold cross-validation chose when training (the model's manifest, <c>secondLevelFrom</c>; the
    /// likelier level for a model that names none). At most 0.5: it only leans towards the second level.
    /// </summary>
    public double? SecondLevelFrom { get; set; }

    /// <summary>
    /// When a rule puts a request at the first level and the model says second level, but not surely enough to
    /// overrule the rule (<see cref="OverrideConfidence"/>), the ticket keeps the rule's level and is flagged for
    /// review, so an operator looks before the first level answers. Off: such a ticket goes to the first level unflagged.
    /// </summary>
    public bool ReviewRuleDisagreement { get; set; } = true;

    /// <summary>How often the running service looks for a new model (the pointer or the file changed).</summary>
    public TimeSpan CheckInterval { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Folds of the cross-validation that picks the trainer's settings when training.</summary>
    public int Folds { get; set; } = 5;

    /// <summary>How many times an operator's correction counts against one labelled request when training.</summary>
    public float CorrectionWeight { get; set; } = 3;

    /// <summary>Words shown as the model's reason.</summary>
    public int ExplainWords { get; set; } = 5;

    public bool IsSingleFile(string resolved) => resolved.EndsWith(".zip", StringComparison.OrdinalIgnoreCase);

    public string ResolvePath(string dataDirectory) => Path ?? System.IO.Path.Combine(dataDirectory, "models");
}
