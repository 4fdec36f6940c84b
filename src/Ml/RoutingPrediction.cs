namespace ContactCenter.Ml;

/// <summary>What one of the model's two classifiers returns for a text, with the features it read.</summary>
internal sealed class RoutingPrediction
{
    public string PredictedLabel { get; set; } = "";
    public float[] Score { get; set; } = [];
    public float[] Features { get; set; } = [];
}
