using System.Diagnostics;
using ContactCenter.Channels.Ocr;
using ContactCenter.Testing.Scans;
using Xunit.Abstractions;

namespace ContactCenter.Channels.Tests.Ocr;

[Collection(OcrCollection.Name)]
public sealed class DocumentTextReaderAccuracyTests(OcrFixture fixture, ITestOutputHelper output)
{
    [Fact]
    public async Task Read_CleanLetter300Dpi_IsAtLeast98PercentAccurate()
    {
        var page = await ReadSinglePageAsync(fixture.Scans.Letter300Png, "clean 300 dpi PNG");

        TextAccuracy.Of(ScanFixtures.LetterText, page.Text).Should().BeGreaterThanOrEqualTo(0.98);
        page.Source.Should().Be(PageTextSource.Ocr);
        page.RotationDegrees.Should().Be(0);
        page.Confidence.Should().BeGreaterThan(80);
        page.Text.Should().Contain("Oggetto:").And.Contain(ItalianLetters.FirstFiscalCode).And.Contain(ItalianLetters.FirstEmail);
    }

    [Fact]
    public async Task Read_CleanLetter600Dpi_IsReadAt300DpiAndAtLeast98PercentAccurate()
    {
        var page = await ReadSinglePageAsync(fixture.Scans.Letter600Png, "clean 600 dpi PNG");

        TextAccuracy.Of(ScanFixtures.LetterText, page.Text).Should().BeGreaterThanOrEqualTo(0.98);
        page.Confidence.Should().BeGreaterThan(80);
    }

    [Theory]
    [InlineData("G3")]
    [InlineData("G4")]
    public async Task Read_FaxFineResolution_IsAtLeast95PercentAccurate(string compression)
    {
        var path = compression == "G3" ? fixture.Scans.FaxFineG3 : fixture.Scans.FaxFineG4;

        var page = await ReadSinglePageAsync(path, $"fax fine 204x196 {compression}");

        TextAccuracy.Of(ScanFixtures.LetterText, page.Text).Should().BeGreaterThanOrEqualTo(0.95);
    }

    [Theory]
    [InlineData("G3")]
    [InlineData("G4")]
    public async Task Read_FaxNormalResolution_IsAtLeast90PercentAccurate(string compression)
    {
        var path = compression == "G3" ? fixture.Scans.FaxNormalG3 : fixture.Scans.FaxNormalG4;

        var page = await ReadSinglePageAsync(path, $"fax normal 204x98 {compression}");

        TextAccuracy.Of(ScanFixtures.LetterText, page.Text).Should().BeGreaterThanOrEqualTo(0.90);
        page.Text.Should().Contain(ItalianLetters.FirstPostalCode);
    }

    [Theory]
    [InlineData(90)]
    [InlineData(180)]
    [InlineData(270)]
    public async Task Read_PageTurned_IsStraightenedAndAtLeast90PercentAccurate(int turned)
    {
        var path = turned switch { 90 => fixture.Scans.Rotated90Png, 180 => fixture.Scans.Rotated180Png, _ => fixture.Scans.Rotated270Png };

        var page = await ReadSinglePageAsync(path, $"turned {turned}°");

        TextAccuracy.Of(ScanFixtures.LetterText, page.Text).Should().BeGreaterThanOrEqualTo(0.90);
        page.RotationDegrees.Should().Be((360 - turned) % 360);
    }

    [Fact]
    public async Task Read_SkewedNoisyJpeg_IsDeskewedAndAtLeast90PercentAccurate()
    {
        var page = await ReadSinglePageAsync(fixture.Scans.SkewedNoisyJpeg, "3° skew + noise JPEG");

        TextAccuracy.Of(ScanFixtures.LetterText, page.Text).Should().BeGreaterThanOrEqualTo(0.90);
        Math.Abs(page.SkewDegrees).Should().BeInRange(2.5, 3.5);
    }

    [Fact]
    public async Task Read_ImageOnlyPdf_IsRasterisedAndOcrd()
    {
        var page = await ReadSinglePageAsync(fixture.Scans.ImageOnlyPdf, "image-only PDF");

        page.Source.Should().Be(PageTextSource.Ocr);
        TextAccuracy.Of(ScanFixtures.LetterText, page.Text).Should().BeGreaterThanOrEqualTo(0.98);
    }

    [Fact]
    public async Task Read_TextPdf_UsesTextLayerWithoutOcr()
    {
        var page = await ReadSinglePageAsync(fixture.Scans.TextPdf, "text PDF");

        page.Source.Should().Be(PageTextSource.TextLayer);
        page.Confidence.Should().Be(100);
        TextAccuracy.Of(ScanFixtures.LetterText, page.Text).Should().BeGreaterThanOrEqualTo(0.99);
    }

    private async Task<PageText> ReadSinglePageAsync(string path, string label)
    {
        var watch = Stopwatch.StartNew();
        var document = await fixture.ReadAsync(path);
        watch.Stop();
        document.Pages.Should().ContainSingle();
        var page = document.Pages[0];
        output.WriteLine(
            $"{label}: accuracy {TextAccuracy.Of(ScanFixtures.LetterText, page.Text):P2}, confidence {page.Confidence:F0}, " +
            $"rotation {page.RotationDegrees}, skew {page.SkewDegrees}, {watch.Elapsed.TotalSeconds:F2} s");
        return page;
    }
}
