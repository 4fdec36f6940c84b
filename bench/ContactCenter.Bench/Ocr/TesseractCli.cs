using System.Diagnostics;

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
        var start = new ProcessStartInfo("tesseract") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in new[] { path, "stdout", "-l", languages })
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["OMP_THREAD_LIMIT"] = "1";
        using var process = Process.Start(start) ?? throw new InvalidOperationException("tesseract did not start");
        var error = process.StandardError.ReadToEndAsync(cancellationToken);
        var text = await process.StandardOutput.ReadToEndAsync(cancellationToken);
        await process.WaitForExitAsync(cancellationToken);
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"tesseract {path} failed ({process.ExitCode}): {await error}");
        }

        return text;
    }
}
