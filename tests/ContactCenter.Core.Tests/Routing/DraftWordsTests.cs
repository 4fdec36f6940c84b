using ContactCenter.Core.Routing;

namespace ContactCenter.Core.Tests.Routing;

public sealed class DraftWordsTests
{
    [Theory]
    [InlineData("", "")]
    [InlineData(".", "")]
    [InlineData("Fwd:", "")]
    [InlineData("R: I: RE: Fw:", "  \n-- \n")]
    [InlineData("", "12/03/2026 - 0862 123456")]
    public void Any_NoWords_False(string subject, string body) =>
        DraftWords.Any(Drafts.Email(subject, body)).Should().BeFalse();

    [Theory]
    [InlineData("Documento", "")]
    [InlineData("Fwd:", "In allegato la domanda.")]
    [InlineData("", "Frana")]
    [InlineData("R: richiesta", "")]
    public void Any_AWordInSubjectOrText_True(string subject, string body) =>
        DraftWords.Any(Drafts.Email(subject, body)).Should().BeTrue();
}
