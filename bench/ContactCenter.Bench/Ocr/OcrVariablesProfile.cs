using System.Diagnostics;
using System.Globalization;
using ContactCenter.Channels.Ocr;
using ContactCenter.Channels.Ocr.Native;
using ContactCenter.Testing.Scans;

namespace ContactCenter.Bench.Ocr;

/// <summary>
/// <c>ContactCenter.Bench ocr-variables [name=value,...] ...</c>: CPU seconds and word accuracy of the whole recogniser
/// (orientation, deskew, recognition with its retries) on one page of every render, once per set of Tesseract
/// variables given (the first set is the reader's own), one engine, one page at a time.
/// A set "full-layout" turns off <see cref="OcrOptions.DetectSingleBlockPages"/>. <c>ocr-variables --pages-to DIR</c> writes the bench's pages to DIR instead.
/// </summary>
internal static class OcrVariablesProfile
{
    public const string Mode = "ocr-variables";

    public static Task<int> RunAsync(string[] args)
    {
        var options = new OcrOptions();
        OcrLibraryResolver.Register(options.TesseractLibrary, options.LeptonicaLibrary);
        OcrEnvironmentCheck.LoadLibraries();
        OpenMpThreadLimit.Apply();
        using var scans = new ScanFixtures();
        var renders = OcrPages.Renders(scans).DistinctBy(r => r.Kind).ToList();
        if (args.Length == 3 && args[1] == "--pages-to")
        {
            // The bench's 20 pages in a folder, for profiling a whole run or the command line by hand.
            Directory.CreateDirectory(args[2]);
            OcrPages.Build(scans, 20, args[2]);
            return Task.FromResult(0);
        }

        foreach (var set in new[] { string.Empty }.Concat(args.Skip(1)))
        {
            // "full-layout" reads every page with Tesseract's full layout analysis, as before single blocks were detected.
            var recognizer = new PageRecognizer(new OcrOptions { DetectSingleBlockPages = !set.Contains("full-layout", StringComparison.Ordinal) }, TimeProvider.System);
            var variables = set.Split(',', StringSplitOptions.RemoveEmptyEntries).Where(v => v != "full-layout").Select(v => v.Split('=', 2)).ToDictionary(v => v[0], v => v[1]);

            // Settings of the reader rather than Tesseract variables: "languages=ita", "upsample-below=150", "upsample-to=250".
            var languages = variables.Remove("languages", out var chosen) ? chosen : options.Languages;
            var upsampleBelow = variables.Remove("upsample-below", out var below) ? int.Parse(below, CultureInfo.InvariantCulture) : options.UpsampleBelowDpi;
            var upsampleTo = variables.Remove("upsample-to", out var to) ? int.Parse(to, CultureInfo.InvariantCulture) : DocumentTextReader.MinimumDpi;
            using var engine = TesseractEngine.Create(1, options.TessdataPath, languages, options.PageSegMode, variables: variables);
            var (cpuTotal, accuracyTotal) = (0.0, 0.0);
            foreach (var (render, warmUp) in renders.Take(1).Select(r => (r, true)).Concat(renders.Select(r => (r, false))))
            {
                var data = File.ReadAllBytes(render.Path);
                using var pix = ImageDocument.Open(data, DocumentFormatDetector.Detect(data)).Decode(0);
                var cpu = Process.GetCurrentProcess().TotalProcessorTime;
                using var page = PageImage.Normalise(pix, options.FallbackDpi, upsampleTo, upsampleBelow, options.MaxDpi, options.MaxPixelsPerPage, out var dpi);
                var reading = recognizer.Recognize(engine, page, dpi, CancellationToken.None);
                var used = (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalSeconds;
                var accuracy = TextAccuracy.OfWords(render.ExpectedText, reading.Result.Text);
                if (warmUp)
                {
                    continue;
                }

                (cpuTotal, accuracyTotal) = (cpuTotal + used, accuracyTotal + accuracy);
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"{(set.Length == 0 ? "default" : set),-40} {render.Kind,-20} CPU {used:F3} s, words {accuracy:P1}, confidence {reading.Result.Confidence:F0}, {reading.Attempts} recognitions"));
            }

            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{(set.Length == 0 ? "default" : set),-40} MEAN                 CPU {cpuTotal / renders.Count:F3} s, words {accuracyTotal / renders.Count:P2}"));
        }

        return Task.FromResult(0);
    }
}
