using ContactCenter.Testing.Scans;

namespace ContactCenter.Bench.Ocr;

/// <summary>The pages both OCR runs read: 300 dpi letters (the three known letters) and fax TIFFs of the first one.</summary>
internal static class OcrPages
{
    public sealed record Page(string Path, string ExpectedText, string Kind);

    public static IReadOnlyList<Page> Build(ScanFixtures scans, int count)
    {
        var kinds = new (Func<string> Path, string Text, string Kind)[]
        {
            (() => scans.LetterPng(0), ItalianLetters.All[0], "letter 300 dpi"),
            (() => scans.FaxFineG4, ItalianLetters.All[0], "fax fine G4"),
            (() => scans.LetterPng(1), ItalianLetters.All[1], "letter 300 dpi"),
            (() => scans.FaxNormalG3, ItalianLetters.All[0], "fax normal G3"),
            (() => scans.LetterPng(2), ItalianLetters.All[2], "letter 300 dpi"),
        };

        // Made on first use; generate them here so that neither timed run pays for ImageMagick.
        return Enumerable.Range(0, count).Select(i => kinds[i % kinds.Length]).Select(k => new Page(k.Path(), k.Text, k.Kind)).ToList();
    }
}
