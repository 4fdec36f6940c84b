using System.Diagnostics;
using ContactCenter.Bench;
using ContactCenter.Bench.Reporting;
using ContactCenter.Testing;

// ./bench/run.sh [--quick] [--only store,mail,latency,ocr,memory] [--output FILE]
// Child modes used by the memory benchmark are dispatched before anything else.
if (args.Length > 0 && ChildModes.TryRun(args, out var childExit))
{
    return await childExit;
}

var quick = args.Contains("--quick");
var only = Argument(args, "--only")?.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
// A subset or a quick run is not the record: written beside it, so it never replaces the last full run's table.
var output = Argument(args, "--output")
    ?? Path.Combine(RepositoryPaths.Root, "bench", "results", only is null && !quick ? "latest.md" : "partial.md");

using var scratch = new TempDirectory("cc-bench");
var context = new BenchContext(quick, scratch);
var rows = new List<BenchRow>();
var started = Stopwatch.GetTimestamp();
var loadAtStart = MachineInfo.LoadAverage();
foreach (var benchmark in BenchmarkCatalog.All.Where(b => only is null || only.Contains(b.Name, StringComparer.OrdinalIgnoreCase)))
{
    BenchContext.Say($"{benchmark.Name}: starting");
    var benchmarkStarted = Stopwatch.GetTimestamp();
    try
    {
        rows.AddRange(await benchmark.RunAsync(context, CancellationToken.None));
    }
    catch (Exception ex)
    {
        // One broken benchmark must not hide the others' numbers: it becomes a row saying why.
        BenchContext.Say($"{benchmark.Name}: failed: {ex}");
        rows.Add(new BenchRow(benchmark.Name, "failed", "–", null, "–", $"{ex.GetType().Name}: {ex.Message}"));
    }

    BenchContext.Say($"{benchmark.Name}: done in {Stopwatch.GetElapsedTime(benchmarkStarted).TotalSeconds:F0} s");
}

var table = ResultTable.Render(rows, context, Stopwatch.GetElapsedTime(started), loadAtStart);
Console.WriteLine(table);
Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(output))!);
await File.WriteAllTextAsync(output, table);
BenchContext.Say($"written to {output}");
return rows.Any(r => r.Result == "failed") ? 1 : 0;

static string? Argument(string[] args, string name)
{
    var index = Array.IndexOf(args, name);
    return index >= 0 && index + 1 < args.Length ? args[index + 1] : null;
}
