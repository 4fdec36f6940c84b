using ContactCenter.Channels.Paper;

namespace ContactCenter.Channels.Tests.Paper;

public sealed class DocumentSplitterTests
{
    [Fact]
    public void Split_AtBlankPages_ThreeLetters()
    {
        var pages = TestPages.Of("lettera uno", "", "lettera due p1", "lettera due p2", "", "", "lettera tre");

        var parts = DocumentSplitter.Split(pages, onBlankPages: true, separatorText: null);

        parts.Select(p => p.PageRange).Should().Equal("1", "3-4", "7");
        parts.Select(p => p.PartNumber).Should().Equal(1, 2, 3);
    }

    [Fact]
    public void Split_AtSeparatorSheetText_ButNotAtALetterMentioningIt()
    {
        var pages = TestPages.Of(
            "lettera uno",
            "S E P A R A T O R E",
            "lettera due: il foglio separatore era assente, perciò scrivo SEPARATORE qui in mezzo al testo lungo.");

        var parts = DocumentSplitter.Split(pages, onBlankPages: false, separatorText: "SEPARATORE");

        parts.Select(p => p.PageRange).Should().Equal("1", "3");
    }

    [Fact]
    public void Split_Disabled_OnePartWithBlankPageKept()
    {
        var parts = DocumentSplitter.Split(TestPages.Of("a", "", "b"), onBlankPages: false, separatorText: null);

        parts.Should().ContainSingle().Which.Pages.Should().HaveCount(3);
    }

    [Fact]
    public void Split_AllBlank_OnePartSoNothingIsLost() =>
        DocumentSplitter.Split(TestPages.Of("", ""), onBlankPages: true, separatorText: null)
            .Should().ContainSingle().Which.Pages.Should().HaveCount(2);
}
