namespace ContactCenter.Core.Pipeline;

/// <summary>Reported after each batch: items handled so far and what the source says is still pending.</summary>
public readonly record struct PipelineProgress(string Channel, int Processed, int Remaining);
