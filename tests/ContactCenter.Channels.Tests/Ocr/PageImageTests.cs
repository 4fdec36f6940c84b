using ContactCenter.Channels.Ocr;
using ContactCenter.Channels.Ocr.Native;

namespace ContactCenter.Channels.Tests.Ocr;

[Collection(OcrCollection.Name)]
public sealed class PageImageTests(OcrFixture fixture)
{
    private const int UpsampleBelowDpi = 180;
    private const int MaxDpi = 300;

    [Fact]
    public void Normalise_FaxFine_IsReadAtItsOwnResolutionMadeSquare()
    {
        using var fax = Decode(fixture.Scans.FaxFineG4);

        using var page = PageImage.Normalise(fax, 300, 300, UpsampleBelowDpi, MaxDpi, 60_000_000, out var dpi);

        dpi.Should().Be(204);
        page.Width.Should().Be(fax.Width);
        page.Height.Should().BeCloseTo((int)Math.Round(fax.Height * 204.0 / 196), 2);
    }

    [Fact]
    public void Normalise_FaxNormal_IsUpsampledTo300Dpi()
    {
        using var fax = Decode(fixture.Scans.FaxNormalG3);

        using var page = PageImage.Normalise(fax, 300, 300, UpsampleBelowDpi, MaxDpi, 60_000_000, out var dpi);

        dpi.Should().Be(300);
        page.Width.Should().BeCloseTo((int)Math.Round(fax.Width * 300.0 / 204), 2);
        page.Height.Should().BeCloseTo((int)Math.Round(fax.Height * 300.0 / 98), 3);
    }

    [Fact]
    public void Normalise_600DpiScan_IsScaledDownToMaxDpi()
    {
        using var scan = Decode(fixture.Scans.Letter600Png);

        using var page = PageImage.Normalise(scan, 300, 300, UpsampleBelowDpi, MaxDpi, 60_000_000, out var dpi);

        dpi.Should().Be(300);
        page.Width.Should().BeCloseTo(scan.Width / 2, 2);
        page.Height.Should().BeCloseTo(scan.Height / 2, 2);
    }

    [Fact]
    public void Normalise_300DpiLetter_KeepsItsSize()
    {
        using var letter = Decode(fixture.Scans.Letter300Png);

        using var page = PageImage.Normalise(letter, 300, 300, UpsampleBelowDpi, MaxDpi, 60_000_000, out var dpi);

        dpi.Should().Be(300);
        page.Width.Should().Be(letter.Width);
        page.Height.Should().Be(letter.Height);
    }

    [Fact]
    public void Normalise_GreyLetterAtItsResolution_SharesThePixelsInsteadOfCopyingThem()
    {
        using var letter = Decode(fixture.Scans.Letter300Png);

        using var page = PageImage.Normalise(letter, 300, 300, UpsampleBelowDpi, MaxDpi, 60_000_000, out _);

        LeptonicaApi.pixGetDepth(letter).Should().Be(8, "the fixture is a greyscale scan");
        page.DangerousGetHandle().Should().Be(letter.DangerousGetHandle());
    }

    [Fact]
    public void Normalise_BlackAndWhiteFax_IsConvertedToAGreyCopy()
    {
        using var fax = Decode(fixture.Scans.FaxFineG4);

        using var page = PageImage.Normalise(fax, 300, 300, UpsampleBelowDpi, MaxDpi, 60_000_000, out _);

        page.DangerousGetHandle().Should().NotBe(fax.DangerousGetHandle());
        LeptonicaApi.pixGetDepth(page).Should().Be(8);
    }

    [Theory]
    [InlineData("upright", 0)]
    [InlineData("90", 270)]
    [InlineData("180", 180)]
    [InlineData("270", 90)]
    [InlineData("fax fine", 0)]
    [InlineData("fax normal", 0)]
    [InlineData("skewed noisy", 0)]
    public void UprightRotation_TurnedFixtures_SaysWhichTurnMakesThemUpright(string render, int expected)
    {
        var path = render switch
        {
            "90" => fixture.Scans.Rotated90Png,
            "180" => fixture.Scans.Rotated180Png,
            "270" => fixture.Scans.Rotated270Png,
            "fax fine" => fixture.Scans.FaxFineG3,
            "fax normal" => fixture.Scans.FaxNormalG4,
            "skewed noisy" => fixture.Scans.SkewedNoisyJpeg,
            _ => fixture.Scans.Letter300Png,
        };
        using var image = Decode(path);
        using var page = PageImage.Normalise(image, 300, 300, UpsampleBelowDpi, MaxDpi, 60_000_000, out var dpi);

        PageImage.UprightRotation(page, dpi).Should().Be(expected);
    }

    [Fact]
    public void UprightRotation_BlankPage_IsZero()
    {
        using var image = Decode(fixture.Scans.BlankNoisyPng);

        PageImage.UprightRotation(image, 300).Should().Be(0);
    }

    private static PixHandle Decode(string path)
    {
        var bytes = File.ReadAllBytes(path);
        return ImageDocument.Open(bytes, DocumentFormatDetector.Detect(bytes)).Decode(0);
    }
}
