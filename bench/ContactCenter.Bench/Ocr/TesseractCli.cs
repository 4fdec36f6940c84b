using System.Diagnostics;
using ContactCenter.Testing;

namespace ContactCenter.Bench.Ocr;

/// <summary>The baseline: one <c>tesseract</c> process per page, as many at once as there are cores, OMP_THREAD_LIMIT=1.</summary>
internal static class TesseractCli
{
    public static async Task<(TimeSpan Elapsed, string[] Texts)> ReadAllAsync(
        IReadOnlyList<OcrPages.Page> pages, string languages, int parallelism, CancellationToken cancellationToken)
    {
        var texts = new string[pages.Count];
        var started = Stopwatch.GetTimestamp();
        await Parallel.ForEachAsync(Enumerable.Range(0, pages.Count), new ParallelOptions { MaxDegreeOfParallelism = parallelism, CancellationToken = cancellationToken },
            async (index, token) => texts[index] = await ReadAsync(pages[index].Path, languages, token));
        return (Stopwatch.GetElapsedTime(started), texts);
    }

    private static async Task<string> ReadAsync(string path, string languages, CancellationToken cancellationToken)
    {
        var run = await ProcessRunner.RunAsync(
            "tesseract", [path, "stdout", "-l", languages], Timeout.InfiniteTimeSpan,
            environment: new Dictionary<string, string> { ["OMP_THREAD_LIMIT"] = "1" }, cancellationToken: cancellationToken);
        if (run.ExitCode != 0)
        {
            throw new InvalidOperationException($"tesseract {path} failed ({run.ExitCode}): {run.StandardError}");
        }

        return run.StandardOutput;
    }
}
