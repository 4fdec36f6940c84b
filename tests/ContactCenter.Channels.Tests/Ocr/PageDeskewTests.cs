using ContactCenter.Channels.Ocr;
using ContactCenter.Channels.Ocr.Native;

namespace ContactCenter.Channels.Tests.Ocr;

/// <summary>
/// Binarising and straightening a grey page without Leptonica's whole-page copy must give exactly what
/// pixConvertTo1 and pixFindSkewAndDeskew give, pixel for pixel, on every kind of page the reader meets.
/// </summary>
[Collection(OcrCollection.Name)]
public sealed class PageDeskewTests(OcrFixture fixture)
{
    public static TheoryData<string> Pages => ["letter", "skewed-noisy", "fax-fine", "fax-normal", "rotated-90"];

    [Theory]
    [MemberData(nameof(Pages))]
    public void Straighten_GreyPage_SameAngleAndPixelsAsLeptonicasDeskew(string kind)
    {
        using var grey = Grey(kind);

        using var ours = PageDeskew.Straighten(grey, out var angle);
        using var theirs = LeptonicaApi.pixFindSkewAndDeskew(grey, 2, out var found, out var confidence);

        angle.Should().Be(confidence >= 3 && Math.Abs(found) >= 0.1 ? Math.Round(found, 2) : 0);
        Same(ours, theirs).Should().BeTrue();
        if (kind == "skewed-noisy")
        {
            angle.Should().NotBe(0, "the fixture is scanned a few degrees off, so the rotation itself is compared");
        }
    }

    [Theory]
    [MemberData(nameof(Pages))]
    public void Binarise_GreyPage_SamePixelsAsConvertTo1(string kind)
    {
        using var grey = Grey(kind);

        using var ours = PageImage.Binarise(grey);
        using var theirs = LeptonicaApi.pixConvertTo1(grey, 128);

        LeptonicaApi.pixGetDepth(ours).Should().Be(1);
        Same(ours, theirs).Should().BeTrue();
    }

    private PixHandle Grey(string kind)
    {
        var path = kind switch
        {
            "letter" => fixture.Scans.Letter300Png,
            "skewed-noisy" => fixture.Scans.SkewedNoisyJpeg,
            "fax-fine" => fixture.Scans.FaxFineG4,
            "fax-normal" => fixture.Scans.FaxNormalG3,
            _ => fixture.Scans.Rotated90Png,
        };
        var bytes = File.ReadAllBytes(path);
        using var decoded = ImageDocument.Open(bytes, DocumentFormatDetector.Detect(bytes)).Decode(0);
        var grey = PageImage.Normalise(decoded, 300, 300, 180, 300, 60_000_000, out _);
        PageImage.IsPlainGrey(grey).Should().BeTrue("the reader hands Tesseract's steps a grey page");
        return grey;
    }

    private static bool Same(PixHandle first, PixHandle second) =>
        LeptonicaApi.pixEqual(first, second, out var same) == 0 && same == 1;
}
