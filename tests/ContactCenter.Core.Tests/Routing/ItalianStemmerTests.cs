using ContactCenter.Core.Routing;

namespace ContactCenter.Core.Tests.Routing;

public sealed class ItalianStemmerTests
{
    [Theory]
    [InlineData("terremoto", "terremoti")]
    [InlineData("alluvione", "alluvioni")]
    [InlineData("incendio", "incendi")]
    [InlineData("sismico", "sismiche")]
    [InlineData("bosco", "boschi")]
    [InlineData("provincia", "province")]
    [InlineData("volontario", "volontarie")]
    [InlineData("allerta", "allerte")]
    [InlineData("rischio", "rischi")]
    public void Stem_SingularAndPlural_Meet(string singular, string plural) =>
        ItalianStemmer.Stem(singular).Should().Be(ItalianStemmer.Stem(plural));

    [Theory]
    [InlineData("volontario", "volontariato")]
    [InlineData("sismico", "sisma")]
    public void Stem_DifferentWords_StayApart(string a, string b) =>
        ItalianStemmer.Stem(a).Should().NotBe(ItalianStemmer.Stem(b));

    [Theory]
    [InlineData("via")]
    [InlineData("112")]
    [InlineData("pec")]
    public void Stem_ShortOrNumericTokens_AreKept(string token) => ItalianStemmer.Stem(token).Should().Be(token);

    [Fact]
    public void Fold_RemovesAccentsAndCase() =>
        TextFolding.Fold("Perché CITTÀ è").Should().Be("perche citta e");
}
