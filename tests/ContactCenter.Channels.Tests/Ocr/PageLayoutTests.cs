using ContactCenter.Channels.Ocr;
using ContactCenter.Channels.Ocr.Native;
using ContactCenter.Testing.Scans;

namespace ContactCenter.Channels.Tests.Ocr;

[Collection(OcrCollection.Name)]
public sealed class PageLayoutTests(OcrFixture fixture)
{
    [Fact]
    public void IsSingleBlock_Letter_IsTrue()
    {
        using var page = Normalised(fixture.Scans.Letter300Png, out var dpi);

        PageLayout.IsSingleBlock(page, dpi).Should().BeTrue();
    }

    [Fact]
    public void IsSingleBlock_FaxAtNormalResolution_IsTrue()
    {
        using var page = Normalised(fixture.Scans.FaxNormalG4, out var dpi);

        PageLayout.IsSingleBlock(page, dpi).Should().BeTrue();
    }

    [Fact]
    public void IsSingleBlock_TwoColumns_IsFalse()
    {
        using var page = Normalised(fixture.Scans.TwoColumnPng, out var dpi);

        PageLayout.IsSingleBlock(page, dpi).Should().BeFalse();
    }

    [Fact]
    public void IsSingleBlock_ShortNote_IsFalse()
    {
        using var page = Normalised(fixture.Scans.Note("Richiamatemi al 333 123 4567, grazie."), out var dpi);

        PageLayout.IsSingleBlock(page, dpi).Should().BeFalse();
    }

    [Fact]
    public void IsSingleBlock_PageTurnedSideways_IsFalse()
    {
        using var page = Normalised(fixture.Scans.Rotated90Png, out var dpi);

        PageLayout.IsSingleBlock(page, dpi).Should().BeFalse();
    }

    [Fact]
    public async Task Recognize_TwoColumns_ReadsOneColumnAfterTheOther()
    {
        var recognizer = new PageRecognizer(new OcrOptions(), TimeProvider.System);
        using var lease = await fixture.Pool.RentAsync(CancellationToken.None);
        using var page = Normalised(fixture.Scans.TwoColumnPng, out var dpi);

        var text = TextAccuracy.Normalise(recognizer.Recognize(lease.Engine, page, dpi, CancellationToken.None).Result.Text);

        // Read across the page, the first column's second line would come after the second column's first line.
        var left = ScanFixtures.Wrapped(ItalianLetters.All[0], 40).Split('\n');
        var right = ScanFixtures.Wrapped(ItalianLetters.All[1], 40).Split('\n');
        text.Should().Contain($"{left[0]} {left[1]} {left[2]}");
        text.IndexOf(left[^1], StringComparison.Ordinal).Should().BeLessThan(text.IndexOf(right[0], StringComparison.Ordinal));
    }

    private static PixHandle Normalised(string path, out int dpi)
    {
        var bytes = File.ReadAllBytes(path);
        using var decoded = ImageDocument.Open(bytes, DocumentFormatDetector.Detect(bytes)).Decode(0);
        return PageImage.Normalise(decoded, 300, 300, 180, 300, 60_000_000, out dpi);
    }
}
