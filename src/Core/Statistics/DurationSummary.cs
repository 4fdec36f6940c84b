namespace ContactCenter.Core.Statistics;

/// <summary>Median and 90th percentile of a set of durations; null when there is none.</summary>
public sealed record DurationSummary(int Count, TimeSpan? Median, TimeSpan? Percentile90)
{
    public static DurationSummary From(IEnumerable<TimeSpan> durations)
    {
        var sorted = durations.Where(d => d >= TimeSpan.Zero).OrderBy(d => d).ToArray();
        return sorted.Length == 0
            ? new DurationSummary(0, null, null)
            : new DurationSummary(sorted.Length, Percentile(sorted, 0.5), Percentile(sorted, 0.9));
    }

    // Nearest-rank percentile: always one of the observed values, easy to explain to an auditor.
    private static TimeSpan Percentile(TimeSpan[] sorted, double p)
    {
        var rank = (int)Math.Ceiling(p * sorted.Length);
        return sorted[Math.Clamp(rank, 1, sorted.Length) - 1];
    }
}
