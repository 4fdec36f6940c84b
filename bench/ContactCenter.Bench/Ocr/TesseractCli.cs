using System.Diagnostics;

namespace ContactCenter.Bench.Ocr;

/// <summary>The baseline: one <c>tesseract</c> process per page, as many at once as the reader's engines, OMP_THREAD_LIMIT=1.</summary>
internal static class TesseractCli
{
    public static async Task<OcrRun> ReadAllAsync(
        IReadOnlyList<string> paths, string languages, int parallelism, CancellationToken cancellationToken)
    {
        var texts = new string[paths.Count];
        var usages = new ChildUsage.Usage[paths.Count];
        var started = Stopwatch.GetTimestamp();
        await Parallel.ForEachAsync(Enumerable.Range(0, paths.Count), new ParallelOptions { MaxDegreeOfParallelism = parallelism, CancellationToken = cancellationToken },
            async (index, token) =>
            {
                var usage = await ChildUsage.RunAsync(
                    "tesseract", [paths[index], "stdout", "-l", languages], new Dictionary<string, string> { ["OMP_THREAD_LIMIT"] = "1" }, token);
                if (usage.Run.ExitCode != 0)
                {
                    throw new InvalidOperationException($"tesseract {paths[index]} failed ({usage.Run.ExitCode}): {usage.Run.StandardError}");
                }

                (usages[index], texts[index]) = (usage, usage.Run.StandardOutput);
            });
        return new OcrRun(Stopwatch.GetElapsedTime(started), usages.Sum(u => u.CpuSeconds), usages.Max(u => u.PeakBytes), texts);
    }
}
