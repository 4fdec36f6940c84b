using System.Globalization;
using ContactCenter.Bench.Reporting;
using ContactCenter.Channels.Ocr;
using ContactCenter.Testing.Scans;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace ContactCenter.Bench.Ocr;

/// <summary>
/// OCR as users see it, against the <c>tesseract</c> command line on the same pages, 2 at a time, in alternating
/// rounds: the whole run (<c>contactcenter ingest --once</c> on a scan folder, process start included) and the warm
/// reader (engines loaded, in-process). Pages/min, CPU seconds per page, peak RSS and word accuracy for each.
/// </summary>
internal sealed class OcrBenchmark : IBenchmark
{
    private const long TargetPeakBytes = 300L * 1024 * 1024;

    public string Name => "ocr";

    public async Task<IReadOnlyList<BenchRow>> RunAsync(BenchContext context, CancellationToken cancellationToken)
    {
        using var scans = new ScanFixtures();
        var pages = OcrPages.Build(scans, context.Size(20, 10), context.NewFolder("ocr-pages"));
        var paths = pages.Select(p => p.Path).ToList();
        const int engines = 2;
        var options = new OcrOptions { EngineCount = engines };
        using var pool = new TesseractEnginePool(Options.Create(options), NullLogger<TesseractEnginePool>.Instance);
        pool.EnsureAvailable();
        var reader = new DocumentTextReader(pool, Options.Create(options), TimeProvider.System, NullLogger<DocumentTextReader>.Instance);
        await WarmReaderRun.RunAsync(reader, paths.Take(1).ToList(), 1, cancellationToken);

        var (cli, whole, warm) = (new List<OcrRun>(), new List<OcrRun>(), new List<OcrRun>());
        for (var round = 1; round <= context.Size(2, 1); round++)
        {
            // Alternating, so a burst of load from the machine's other users hits both sides alike.
            cli.Add(await TesseractCli.ReadAllAsync(paths, options.Languages, engines, cancellationToken));
            whole.Add(await ScanFolderRun.RunAsync(context.NewFolder("ocr-run"), paths, engines, cancellationToken));
            warm.Add(await WarmReaderRun.RunAsync(reader, paths, engines, cancellationToken));
            BenchContext.Say($"ocr: round {round}: CLI {Describe(pages, cli[^1])}; whole run {Describe(pages, whole[^1])}; warm {Describe(pages, warm[^1])}");
        }

        BenchContext.Say($"ocr: word accuracy by render, whole run vs CLI: {ByKind(pages, whole[^1], cli[^1])}");
        var cliRate = Rate(pages, cli);
        var cliAccuracy = Accuracy(pages, cli[^1]);
        var baseline = string.Create(CultureInfo.InvariantCulture,
            $"tesseract CLI, {engines} processes at a time, OMP_THREAD_LIMIT=1: {Summary(pages, cli)}, peak RSS {Reporting.Rate.Mebibytes(cli.Max(r => r.PeakBytes))} per process");
        var renders = string.Join(", ", pages.Select(p => p.Kind).Distinct());
        var wholeRatio = Rate(pages, whole) / cliRate;
        var warmRatio = Rate(pages, warm) / cliRate;
        var peak = whole.Max(r => r.PeakBytes);
        return
        [
            new BenchRow(
                $"OCR whole run: `ingest --once` on a scan folder of {pages.Count} pages, {engines} engines",
                $"{Summary(pages, whole)}, peak RSS {Reporting.Rate.Mebibytes(peak)}",
                baseline,
                wholeRatio,
                "≥ 1.0 at equal or better accuracy",
                $"process start, engine load, OCR, classification and store included; {whole.Count} rounds alternating with the CLI; renders: {renders}; languages {options.Languages}")
            {
                TargetMet = wholeRatio >= 1.0 && Accuracy(pages, whole[^1]) >= cliAccuracy,
            },
            new BenchRow(
                $"OCR warm: the reader in-process, {pages.Count} pages, {engines} engines",
                Summary(pages, warm),
                baseline,
                warmRatio,
                "≥ 1.5 at equal or better accuracy",
                "engines loaded by one warm-up page before the timed pages; CPU from getrusage of the bench process")
            {
                TargetMet = warmRatio >= 1.5 && Accuracy(pages, warm[^1]) >= cliAccuracy,
            },
            new BenchRow(
                $"Memory: peak RSS, `ingest --once` OCR of {pages.Count} pages with {engines} engines",
                Reporting.Rate.Mebibytes(peak),
                $"{engines} tesseract processes: {Reporting.Rate.Mebibytes(engines * cli.Max(r => r.PeakBytes))}",
                (double)peak / (engines * cli.Max(r => r.PeakBytes)),
                "≤ 300 MiB",
                "maximum resident set (VmHWM) of the child process, from its rusage")
            {
                TargetMet = peak <= TargetPeakBytes,
            },
        ];
    }

    private static double Rate(IReadOnlyList<OcrPages.Page> pages, IReadOnlyList<OcrRun> runs) =>
        pages.Count * runs.Count / runs.Sum(r => r.Elapsed.TotalMinutes);

    private static string Summary(IReadOnlyList<OcrPages.Page> pages, IReadOnlyList<OcrRun> runs) => string.Create(CultureInfo.InvariantCulture,
        $"{Rate(pages, runs):F1} pages/min, CPU {runs.Sum(r => r.CpuSeconds) / (pages.Count * runs.Count):F2} s/page, word accuracy {Accuracy(pages, runs[^1]):P1}");

    private static string Describe(IReadOnlyList<OcrPages.Page> pages, OcrRun run) => string.Create(CultureInfo.InvariantCulture,
        $"{pages.Count / run.Elapsed.TotalMinutes:F1} pages/min, CPU {run.CpuSeconds / pages.Count:F2} s/page, peak {Reporting.Rate.Mebibytes(run.PeakBytes)}, words {Accuracy(pages, run):P1}, characters {pages.Select((p, i) => TextAccuracy.Of(p.ExpectedText, run.Texts[i])).Average():P1}");

    private static double Accuracy(IReadOnlyList<OcrPages.Page> pages, OcrRun run) =>
        pages.Select((p, i) => TextAccuracy.OfWords(p.ExpectedText, run.Texts[i])).Average();

    private static string ByKind(IReadOnlyList<OcrPages.Page> pages, OcrRun reader, OcrRun cli) => string.Join("; ", pages
        .Select((p, i) => (p.Kind, Reader: TextAccuracy.OfWords(p.ExpectedText, reader.Texts[i]), Cli: TextAccuracy.OfWords(p.ExpectedText, cli.Texts[i])))
        .GroupBy(x => x.Kind)
        .Select(g => string.Create(CultureInfo.InvariantCulture, $"{g.Key} {g.Average(x => x.Reader):P1} vs {g.Average(x => x.Cli):P1}")));
}
