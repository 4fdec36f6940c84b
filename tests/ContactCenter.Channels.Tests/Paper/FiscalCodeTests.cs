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

    [Theory]
    [InlineData("C.F. RSSMRA80A01HS01U", "RSSMRA80A01H501U")] // 5 read as S in the town code
    [InlineData("codice fiscale: RSSMRA8OA01H501U", "RSSMRA80A01H501U")] // 0 read as O in the year
    [InlineData("cf BNCLRA85M4IF205C", "BNCLRA85M41F205C")] // 1 read as I in the day
    [InlineData("C.F. R5SMRA8OA01H501U", "RSSMRA80A01H501U")] // two: S read as 5, 0 read as O
    public void Find_OcrConfusions_RepairedWhenTheCheckLetterHolds(string text, string expected) =>
        FiscalCode.Find(text).Should().Be(expected);

    [Fact]
    public void Find_TwoConfusionsInLetterAndDigitPositions_Repaired() =>
        FiscalCode.Find("C.F.: 8NCLRA85M41F2O5C").Should().Be("BNCLRA85M41F205C");

    [Fact]
    public void Find_OmocodeLetterAmongConfusions_KeptWhenItChecks() =>
        FiscalCode.Find("C.F. RSSMRA8OA01H50MM").Should().Be("RSSMRA80A01H50MM");

    [Theory]
    [InlineData("C.F. RSSMRA8OA01H501A")] // O for 0 repaired, but the check letter is wrong
    [InlineData("C.F. RSSMRA80A01HS01A")] // S for 5: neither reading checks
    [InlineData("C.F. R5SMRA8OA01HS01U")] // three confusions: too many to trust a repair
    [InlineData("C.F. VRDGPP13R10B29EP")] // E is no look-alike of a digit
    public void Find_RepairThatDoesNotCheck_Refused(string text) =>
        FiscalCode.Find(text).Should().BeNull();
}
