using ContactCenter.Channels.Ocr;

namespace ContactCenter.Channels.Tests.Ocr;

public sealed class DocumentTextTests
{
    [Fact]
    public void MeanConfidence_IgnoresBlankPages()
    {
        var document = new DocumentText([Page(1, 90), Blank(2), Page(3, 70)]);

        document.MeanConfidence.Should().Be(80);
    }

    [Fact]
    public void NeedsReview_WhenAnOcrPageIsBelowTheThreshold()
    {
        new DocumentText([Page(1, 90), Page(2, 55)]).NeedsReview(60).Should().BeTrue();
        new DocumentText([Page(1, 90), Blank(2), Page(3, 61)]).NeedsReview(60).Should().BeFalse();
    }

    [Fact]
    public void NeedsReview_WhenEveryPageIsBlank()
    {
        new DocumentText([Blank(1), Blank(2)]).NeedsReview(60).Should().BeTrue();
    }

    private static PageText Page(int number, double confidence) => new(number, "testo", confidence, PageTextSource.Ocr, 0, 0, false);

    private static PageText Blank(int number) => new(number, string.Empty, 0, PageTextSource.Ocr, 0, 0, true);
}
