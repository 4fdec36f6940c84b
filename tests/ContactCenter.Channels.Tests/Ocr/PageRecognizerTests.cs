using ContactCenter.Channels.Ocr;
using ContactCenter.Channels.Ocr.Native;
using ContactCenter.Testing.Scans;

namespace ContactCenter.Channels.Tests.Ocr;

[Collection(OcrCollection.Name)]
public sealed class PageRecognizerTests(OcrFixture fixture)
{
    [Fact]
    public async Task Recognize_UprightPageBelowRetryConfidence_IsReadOnceWhenOrientationDetectionIsSure()
    {
        // A retry threshold no reading reaches: every page goes to orientation detection, as a poor scan would.
        var recognizer = new PageRecognizer(new OcrOptions { OrientationRetryConfidence = 100 }, TimeProvider.System);
        using var lease = await fixture.Pool.RentAsync(CancellationToken.None);
        using var page = Decode(fixture.Scans.Letter300Png);

        var reading = recognizer.Recognize(lease.Engine, page, 300, CancellationToken.None);

        reading.Attempts.Should().Be(1);
        reading.RotationDegrees.Should().Be(0);
        TextAccuracy.Of(ScanFixtures.LetterText, reading.Result.Text).Should().BeGreaterThanOrEqualTo(0.98);
    }

    [Theory]
    [InlineData(180, 180)]
    [InlineData(270, 90)]
    public async Task Recognize_TurnedPage_IsTurnedBeforeTheFirstRecognitionAndReadOnce(int turned, int expectedRotation)
    {
        var recognizer = new PageRecognizer(new OcrOptions(), TimeProvider.System);
        using var lease = await fixture.Pool.RentAsync(CancellationToken.None);
        using var page = Decode(turned == 180 ? fixture.Scans.Rotated180Png : fixture.Scans.Rotated270Png);

        var reading = recognizer.Recognize(lease.Engine, page, 300, CancellationToken.None);

        reading.Attempts.Should().Be(1);
        reading.RotationDegrees.Should().Be(expectedRotation);
        TextAccuracy.Of(ScanFixtures.LetterText, reading.Result.Text).Should().BeGreaterThanOrEqualTo(0.98);
    }

    [Fact]
    public async Task Recognize_TurnedPageBelowRetryConfidence_IsReadOnceWhenOrientationDetectionAgreesWithTheTurn()
    {
        var recognizer = new PageRecognizer(new OcrOptions { OrientationRetryConfidence = 100 }, TimeProvider.System);
        using var lease = await fixture.Pool.RentAsync(CancellationToken.None);
        using var page = Decode(fixture.Scans.Rotated180Png);

        var reading = recognizer.Recognize(lease.Engine, page, 300, CancellationToken.None);

        reading.Attempts.Should().Be(1);
        reading.RotationDegrees.Should().Be(180);
    }

    private static PixHandle Decode(string path)
    {
        var bytes = File.ReadAllBytes(path);
        return ImageDocument.Open(bytes, DocumentFormatDetector.Detect(bytes)).Decode(0);
    }
}
