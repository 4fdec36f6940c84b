using System.Globalization;
using System.Text;

namespace ContactCenter.Bench.Reporting;

/// <summary>The Markdown table printed at the end of a run and written to bench/results/latest.md.</summary>
internal static class ResultTable
{
    public static string Render(IReadOnlyList<BenchRow> rows, BenchContext context, TimeSpan elapsed, string loadAtStart)
    {
        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture,
            $"Machine: {Environment.ProcessorCount} cores, {MachineInfo.Describe()}; {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC; "
            + $"{(context.Quick ? "quick run" : "full run")} in {elapsed.TotalSeconds:F0} s; .NET {Environment.Version}; "
            + $"load average {loadAtStart} at start, {MachineInfo.LoadAverage()} at end (other work on the machine: trust the ratios, not the absolute rates).");
        text.AppendLine();
        text.AppendLine("| Benchmark | Result | Baseline (same run) | Ratio | Target | Notes |");
        text.AppendLine("|---|---|---|---:|---|---|");
        foreach (var row in rows)
        {
            var ratio = row.Ratio is { } r ? r.ToString("F2", CultureInfo.InvariantCulture) : "–";
            var target = row.TargetMet switch
            {
                true => $"{row.Target} ✔",
                false => $"{row.Target} ✘",
                null => row.Target,
            };
            text.AppendLine(CultureInfo.InvariantCulture,
                $"| {Cell(row.Benchmark)} | {Cell(row.Result)} | {Cell(row.Baseline)} | {ratio} | {Cell(target)} | {Cell(row.Notes)} |");
        }

        return text.ToString();
    }

    private static string Cell(string value) => value.Replace("|", "\\|", StringComparison.Ordinal).Replace('\n', ' ');
}
