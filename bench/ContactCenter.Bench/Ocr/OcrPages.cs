using ContactCenter.Testing.Scans;

namespace ContactCenter.Bench.Ocr;

/// <summary>
/// The pages every OCR run reads, rendered by <see cref="ScanFixtures"/> (ImageMagick) from the known letters: clean
/// 300 dpi letters, a 3° skewed noisy JPEG, pages turned 90° and 180°, faxes at fine (204×196) and normal (204×98) dpi.
/// </summary>
internal static class OcrPages
{
    public sealed record Page(string Path, string ExpectedText, string Kind);

    /// <summary>One cycle of renders; a run of N pages repeats it, so every render is in every run.</summary>
    public static IReadOnlyList<Page> Renders(ScanFixtures scans) =>
    [
        new(scans.LetterPng(0), ItalianLetters.All[0], "clean 300 dpi"),
        new(scans.FaxFineG4, ItalianLetters.All[0], "fax fine G4"),
        new(scans.SkewedNoisyJpeg, ItalianLetters.All[0], "skewed noisy JPEG"),
        new(scans.LetterPng(1), ItalianLetters.All[1], "clean 300 dpi"),
        new(scans.FaxNormalG3, ItalianLetters.All[0], "fax normal G3"),
        new(scans.Rotated90Png, ItalianLetters.All[0], "turned 90°"),
        new(scans.LetterPng(2), ItalianLetters.All[2], "clean 300 dpi"),
        new(scans.Rotated180Png, ItalianLetters.All[0], "turned 180°"),
        new(scans.FaxFineG3, ItalianLetters.All[0], "fax fine G3"),
        new(scans.FaxNormalG4, ItalianLetters.All[0], "fax normal G4"),
    ];

    /// <summary>
    /// <paramref name="count"/> pages cycling through <see cref="Renders"/>, copied into <paramref name="folder"/> as
    /// distinct files: the channels know an item by its content's hash, so each copy gets its number appended after
    /// the image's end (decoders ignore trailing bytes). All rendered here, so no timed run pays for ImageMagick.
    /// </summary>
    public static IReadOnlyList<Page> Build(ScanFixtures scans, int count, string folder)
    {
        var renders = Renders(scans);
        return Enumerable.Range(0, count).Select(i =>
        {
            var render = renders[i % renders.Count];
            var path = System.IO.Path.Combine(folder, $"page-{i + 1:D2}{System.IO.Path.GetExtension(render.Path)}");
            File.WriteAllBytes(path, [.. File.ReadAllBytes(render.Path), .. System.Text.Encoding.ASCII.GetBytes($"\ncopy {i + 1}\n")]);
            return render with { Path = path };
        }).ToList();
    }
}
