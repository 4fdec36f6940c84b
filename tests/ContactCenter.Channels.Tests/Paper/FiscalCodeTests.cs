using ContactCenter.Channels.Paper;

namespace ContactCenter.Channels.Tests.Paper;

public sealed class FiscalCodeTests
{
    [Theory]
    [InlineData("RSSMRA80A01H501U")]
    [InlineData("VRDGPP13R10B293P")]
    [InlineData("BNCLRA85M41F205C")]
    [InlineData("RSSMRA80A01H50MM")] // omocodia: the last digit written as a letter
    [InlineData("rssmra80a01h501u")]
    public void IsValid_OfficialCheckCharacter_Accepted(string code) =>
        FiscalCode.IsValid(code).Should().BeTrue();

    [Theory]
    [InlineData("RSSMRA80A01H501A")] // wrong check letter
    [InlineData("RSSMRA80A01H5O1U")] // OCR read a zero as the letter O
    [InlineData("RSSMRA80Z01H501U")] // Z is no month letter
    [InlineData("RSSMRA80A01H501")]
    [InlineData("")]
    public void IsValid_LookAlike_Rejected(string code) =>
        FiscalCode.IsValid(code).Should().BeFalse();

    [Fact]
    public void Find_SkipsLookAlikeAndReturnsValidCode()
    {
        var text = "codice RSSMRA80A01H501A errato, quello giusto: c.f. bnclra85m41f205c.";

        FiscalCode.Find(text).Should().Be("BNCLRA85M41F205C");
    }

    [Fact]
    public void Find_OnlyLookAlikes_ReturnsNull() =>
        FiscalCode.Find("C.F. RSSMRA80A01H501A").Should().BeNull();
}
