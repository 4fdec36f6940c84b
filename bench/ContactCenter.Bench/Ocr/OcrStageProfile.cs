using System.Diagnostics;
using System.Globalization;
using ContactCenter.Channels.Ocr;
using ContactCenter.Channels.Ocr.Native;
using ContactCenter.Testing.Scans;

namespace ContactCenter.Bench.Ocr;

/// <summary>
/// <c>ContactCenter.Bench ocr-stages</c>: CPU seconds of each step the reader takes on one page of every render
/// (decode, square pixels and upsampling, ink, orientation, deskew, recognition per language set, orientation detection, the
/// whole recogniser with its retries), and the accuracy each variant reaches. One engine, one page at a time.
/// </summary>
internal static class OcrStageProfile
{
    public const string Mode = "ocr-stages";

    public static Task<int> RunAsync()
    {
        var options = new OcrOptions();
        OcrLibraryResolver.Register(options.TesseractLibrary, options.LeptonicaLibrary);
        OcrEnvironmentCheck.LoadLibraries();
        using var scans = new ScanFixtures();
        using var both = TesseractEngine.Create(1, options.TessdataPath, options.Languages, options.PageSegMode);
        using var italian = TesseractEngine.Create(2, options.TessdataPath, "ita", options.PageSegMode);
        var recognizer = new PageRecognizer(options, TimeProvider.System);
        var renders = OcrPages.Renders(scans).DistinctBy(r => r.Kind).ToList();
        foreach (var render in renders)
        {
            var data = File.ReadAllBytes(render.Path);
            var image = ImageDocument.Open(data, DocumentFormatDetector.Detect(data));
            using var pix = Timed(render.Kind, "decode", () => image.Decode(0));
            foreach (var upsampleBelowDpi in new[] { 300, 0 })
            {
                var label = upsampleBelowDpi == 0 ? "own dpi" : "upsampled to 300 dpi";
                int dpi = 0;
                using var page = Timed(render.Kind, $"normalise {label}", () => PageImage.Normalise(pix, 300, 300, upsampleBelowDpi, options.MaxDpi, options.MaxPixelsPerPage, out dpi));
                Timed(render.Kind, "ink", () => PageImage.InkRatio(page));
                var upright = Timed(render.Kind, "orientation (Leptonica)", () => PageImage.UprightRotation(page, dpi));
                Say(render.Kind, $"  → turn {upright}°");
                double skew = 0;
                using var straight = Timed(render.Kind, $"deskew {label} ({page.Width}×{page.Height})", () => PageDeskew.Straighten(page, out skew));
                var single = Timed(render.Kind, "layout (Leptonica word boxes)", () => PageLayout.IsSingleBlock(straight, dpi));
                Say(render.Kind, $"  → single block {single}");
                foreach (var (engine, languages) in new[] { (both, options.Languages), (italian, "ita") })
                {
                    var result = Timed(render.Kind, $"recognise 0° {languages} {label}", () => engine.Recognize(straight, dpi, TimeSpan.FromMinutes(2), CancellationToken.None));
                    Say(render.Kind, $"  → accuracy {TextAccuracy.Of(render.ExpectedText, result.Text):P1}, confidence {result.Confidence:F0}, skew {skew}");
                }

                var guess = Timed(render.Kind, $"osd {label}", () => both.DetectOrientation(page, dpi));
                Say(render.Kind, $"  → osd {guess}");
                var reading = Timed(render.Kind, $"recogniser (retries) {label}", () => recognizer.Recognize(both, page, dpi, CancellationToken.None));
                Say(render.Kind, $"  → accuracy {TextAccuracy.Of(render.ExpectedText, reading.Result.Text):P1}, confidence {reading.Result.Confidence:F0}, rotation {reading.RotationDegrees}, {reading.Attempts} recognitions");
            }
        }

        return Task.FromResult(0);
    }

    private static T Timed<T>(string kind, string stage, Func<T> step)
    {
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var wall = Stopwatch.GetTimestamp();
        var result = step();
        var used = Process.GetCurrentProcess().TotalProcessorTime - cpu;
        Say(kind, string.Create(CultureInfo.InvariantCulture, $"{stage}: CPU {used.TotalSeconds:F3} s, wall {Stopwatch.GetElapsedTime(wall).TotalSeconds:F3} s"));
        return result;
    }

    private static void Say(string kind, string message) => Console.WriteLine($"{kind,-22} {message}");
}
