namespace ContactCenter.Ml;

/// <summary>One training row: the model's text, the operator's label and how much the row counts.</summary>
internal sealed class RoutingExample
{
    public string Text { get; set; } = "";
    public string Label { get; set; } = "";
    public float Weight { get; set; } = 1;
}
