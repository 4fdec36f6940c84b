namespace ContactCenter.Ml;

/// <summary>A label, its probability, and the words that weighed most towards it (with their weight).</summary>
internal sealed record LabelPrediction(string Label, double Probability, IReadOnlyList<string> Words);
