namespace ContactCenter.Ml;

/// <summary>How to train: folds of the cross-validation, a correction's weight, and the sources named in the manifest.</summary>
internal sealed record TrainingRequest(int Folds, float CorrectionWeight, IReadOnlyList<string> Sources);
