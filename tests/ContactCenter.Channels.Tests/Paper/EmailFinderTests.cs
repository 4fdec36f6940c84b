using ContactCenter.Channels.Paper;

namespace ContactCenter.Channels.Tests.Paper;

public sealed class EmailFinderTests
{
    [Theory]
    [InlineData("e-mail: mario.rossi@example.it", "mario.rossi@example.it")]
    [InlineData("e-mail: mario.rossi @example.it", "mario.rossi@example.it")]
    [InlineData("e-mail: mario.rossi@ example .it", "mario.rossi@example.it")]
    [InlineData("email mario.rossi @ Comune.Sulmona .aq.it", "mario.rossi@comune.sulmona.aq.it")]
    [InlineData("scrivere a giulia .ferraro@gmail. com grazie", "giulia.ferraro@gmail.com")]
    public void Find_StraySpacesAroundAtAndDots_Removed(string text, string expected) =>
        EmailFinder.Find(text).Should().Be(expected);

    [Fact]
    public void Find_AddressEndingASentence_DoesNotTakeTheNextWord() =>
        EmailFinder.Find("Rispondete a info@example.it. Grazie").Should().Be("info@example.it");

    [Theory]
    [InlineData("Ufficio @ sede centrale")]
    [InlineData("nessun indirizzo qui")]
    public void Find_NoAddress_ReturnsNull(string text) =>
        EmailFinder.Find(text).Should().BeNull();
}
