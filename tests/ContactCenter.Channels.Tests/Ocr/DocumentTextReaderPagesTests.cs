using ContactCenter.Channels.Ocr;
using ContactCenter.Testing.Scans;

namespace ContactCenter.Channels.Tests.Ocr;

[Collection(OcrCollection.Name)]
public sealed class DocumentTextReaderPagesTests(OcrFixture fixture)
{
    [Fact]
    public async Task Read_MultiPageTiff_ReadsEveryPageInOrder()
    {
        var document = await fixture.ReadAsync(fixture.Scans.MultiPageTiff);

        document.Pages.Select(p => p.Number).Should().Equal(1, 2, 3);
        for (var i = 0; i < 3; i++)
        {
            TextAccuracy.Of(ItalianLetters.All[i], document.Pages[i].Text).Should().BeGreaterThanOrEqualTo(0.98, $"page {i + 1}");
        }

        document.MeanConfidence.Should().BeGreaterThan(80);
    }

    [Fact]
    public async Task Read_BatchWithBlankSeparators_MarksSeparatorsBlank()
    {
        var document = await fixture.ReadAsync(fixture.Scans.BatchWithBlankSeparatorsTiff);

        document.Pages.Select(p => p.IsBlank).Should().Equal(false, true, false, true, false);
        document.Pages.Where(p => p.IsBlank).Should().OnlyContain(p => p.Text.Length == 0);
        TextAccuracy.Of(ItalianLetters.All[1], document.Pages[2].Text).Should().BeGreaterThanOrEqualTo(0.98);
    }

    [Fact]
    public async Task Read_MixedPdf_TakesTextLayerAndOcrsTheScannedPage()
    {
        var document = await fixture.ReadAsync(fixture.Scans.MixedPdf);

        document.Pages.Select(p => p.Source).Should().Equal(PageTextSource.TextLayer, PageTextSource.Ocr);
        TextAccuracy.Of(ItalianLetters.All[1], document.Pages[0].Text).Should().BeGreaterThanOrEqualTo(0.99);
        TextAccuracy.Of(ItalianLetters.All[0], document.Pages[1].Text).Should().BeGreaterThanOrEqualTo(0.98);
    }

    [Fact]
    public async Task Read_BlankPageWithScannerNoiseAndSpecks_IsBlank()
    {
        var document = await fixture.ReadAsync(fixture.Scans.BlankNoisyPng);

        document.Pages.Should().ContainSingle().Which.IsBlank.Should().BeTrue();
        document.MeanConfidence.Should().Be(0);
    }

    [Fact]
    public async Task Read_ShortNote_IsNotBlank()
    {
        var path = fixture.Scans.Note("Grazie.\nMario Rossi");

        var document = await fixture.ReadAsync(path);

        document.Pages.Should().ContainSingle().Which.IsBlank.Should().BeFalse();
        document.Pages[0].Text.Should().Contain("Mario Rossi");
    }
}
