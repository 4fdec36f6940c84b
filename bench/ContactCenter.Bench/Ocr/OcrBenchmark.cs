using System.Diagnostics;
using System.Globalization;
using ContactCenter.Bench.Reporting;
using ContactCenter.Channels.Ocr;
using ContactCenter.Testing.Scans;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace ContactCenter.Bench.Ocr;

/// <summary>
/// Pages per minute through <see cref="DocumentTextReader"/> (the pooled in-process engines, one per core, warm as in
/// a running service) against the <c>tesseract</c> command line on the same pages with the same parallelism, and
/// the character accuracy of both against the known letters.
/// </summary>
internal sealed class OcrBenchmark : IBenchmark
{
    public string Name => "ocr";

    public async Task<IReadOnlyList<BenchRow>> RunAsync(BenchContext context, CancellationToken cancellationToken)
    {
        using var scans = new ScanFixtures();
        var pages = OcrPages.Build(scans, context.Size(20, 6));
        var cores = Environment.ProcessorCount;
        var options = new OcrOptions { EngineCount = cores };
        using var pool = new TesseractEnginePool(Options.Create(options), NullLogger<TesseractEnginePool>.Instance);
        pool.EnsureAvailable();
        var reader = new DocumentTextReader(pool, Options.Create(options), TimeProvider.System, NullLogger<DocumentTextReader>.Instance);

        // Warm every engine once (models loaded, as in a running service); not timed.
        await ReadAllAsync(reader, pages.Take(cores).ToList(), cores, cancellationToken);
        var (readerElapsed, readerTexts) = await ReadAllAsync(reader, pages, cores, cancellationToken);
        var (cliElapsed, cliTexts) = await TesseractCli.ReadAllAsync(pages, options.Languages, cores, cancellationToken);

        var readerRate = pages.Count / readerElapsed.TotalMinutes;
        var cliRate = pages.Count / cliElapsed.TotalMinutes;
        var readerAccuracy = Accuracy(pages, readerTexts);
        var cliAccuracy = Accuracy(pages, cliTexts);
        BenchContext.Say(string.Create(CultureInfo.InvariantCulture,
            $"ocr: reader {readerRate:F1} pages/min ({readerAccuracy:P1}), CLI {cliRate:F1} pages/min ({cliAccuracy:P1}); by kind: {ByKind(pages, readerTexts, cliTexts)}"));
        var ratio = readerRate / cliRate;
        return
        [
            new BenchRow(
                $"OCR, {pages.Count} pages (300 dpi letters, fax TIFFs), {cores} at a time",
                string.Create(CultureInfo.InvariantCulture, $"{readerRate:F1} pages/min, accuracy {readerAccuracy:P1}"),
                string.Create(CultureInfo.InvariantCulture, $"tesseract CLI, {cores} processes, OMP_THREAD_LIMIT=1: {cliRate:F1} pages/min, accuracy {cliAccuracy:P1}"),
                ratio,
                "≥ 0.9 at equal accuracy",
                $"languages {options.Languages}; the reader upsamples faxes to 300 dpi and retries orientation below confidence {options.OrientationRetryConfidence}")
            {
                TargetMet = ratio >= 0.9 && readerAccuracy >= cliAccuracy - 0.01,
            },
        ];
    }

    private static async Task<(TimeSpan Elapsed, string[] Texts)> ReadAllAsync(
        DocumentTextReader reader, IReadOnlyList<OcrPages.Page> pages, int parallelism, CancellationToken cancellationToken)
    {
        var texts = new string[pages.Count];
        var started = Stopwatch.GetTimestamp();
        await Parallel.ForEachAsync(Enumerable.Range(0, pages.Count), new ParallelOptions { MaxDegreeOfParallelism = parallelism, CancellationToken = cancellationToken },
            async (index, token) =>
            {
                await using var file = File.OpenRead(pages[index].Path);
                var document = await reader.ReadAsync(file, Path.GetFileName(pages[index].Path), token);
                texts[index] = string.Join("\n", document.Pages.Select(p => p.Text));
            });
        return (Stopwatch.GetElapsedTime(started), texts);
    }

    private static double Accuracy(IReadOnlyList<OcrPages.Page> pages, string[] texts) =>
        pages.Select((p, i) => TextAccuracy.Of(p.ExpectedText, texts[i])).Average();

    private static string ByKind(IReadOnlyList<OcrPages.Page> pages, string[] reader, string[] cli) => string.Join("; ", pages
        .Select((p, i) => (p.Kind, Reader: TextAccuracy.Of(p.ExpectedText, reader[i]), Cli: TextAccuracy.Of(p.ExpectedText, cli[i])))
        .GroupBy(x => x.Kind)
        .Select(g => string.Create(CultureInfo.InvariantCulture, $"{g.Key} {g.Average(x => x.Reader):P1} vs {g.Average(x => x.Cli):P1}")));
}
