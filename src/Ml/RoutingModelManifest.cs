namespace ContactCenter.Ml;

/// <summary>What a model file says about itself: version, what it learned from, the settings cross-validation chose.</summary>
public sealed class RoutingModelManifest
{
    public int Version { get; set; }
    public DateTimeOffset TrainedAt { get; set; }
    public int Examples { get; set; }
    public int Corrections { get; set; }
    public List<string> Sources { get; set; } = [];
    public string LevelSettings { get; set; } = "";
    public string CategorySettings { get; set; } = "";

    /// <summary>Mean accuracy over the folds of the chosen setting (on the training data, corrections included).</summary>
    public double LevelCrossValidationAccuracy { get; set; }
    public double CategoryCrossValidationAccuracy { get; set; }
}
