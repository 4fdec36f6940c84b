using System.Diagnostics;
using ContactCenter.Channels.Ocr;

namespace ContactCenter.Bench.Ocr;

/// <summary>The reader as in a running service: engines already loaded, pages read in the bench's own process.</summary>
internal static class WarmReaderRun
{
    public static async Task<OcrRun> RunAsync(DocumentTextReader reader, IReadOnlyList<string> pages, int parallelism, CancellationToken cancellationToken)
    {
        var texts = new string[pages.Count];
        var cpu = ResourceUsage.SelfCpuSeconds();
        var started = Stopwatch.GetTimestamp();
        await Parallel.ForEachAsync(Enumerable.Range(0, pages.Count), new ParallelOptions { MaxDegreeOfParallelism = parallelism, CancellationToken = cancellationToken },
            async (index, token) =>
            {
                await using var file = File.OpenRead(pages[index]);
                var document = await reader.ReadAsync(file, Path.GetFileName(pages[index]), token);
                texts[index] = string.Join("\n", document.Pages.Select(p => p.Text));
            });
        return new OcrRun(Stopwatch.GetElapsedTime(started), ResourceUsage.SelfCpuSeconds() - cpu, 0, texts);
    }
}
