namespace ContactCenter.Bench.Reporting;

/// <summary>One line of the results table: a measurement, the baseline measured in the same run, and their ratio.</summary>
internal sealed record BenchRow(string Benchmark, string Result, string Baseline, double? Ratio, string Target, string Notes)
{
    /// <summary>True, false, or null when the row has no target.</summary>
    public bool? TargetMet { get; init; }
}
