using ContactCenter.Core.Routing;
using ContactCenter.Core.Tickets;

namespace ContactCenter.Core.Tests.Routing;

public sealed class WordMatchingTests
{
    private static Classification Classify(RoutingRule rule, string subject, string body = "") =>
        Drafts.Classifier(rule).Classify(Drafts.Email(subject, body));

    [Theory]
    [InlineData("perche", "Perché non mi rispondete?")]
    [InlineData("Perché", "perche non mi rispondete")]
    [InlineData("CITTÀ", "nella mia citta")]
    public void Words_IgnoreCaseAndAccents(string word, string text)
    {
        var rule = Drafts.Rule("r");
        rule.Words = [word];

        Classify(rule, text).RuleName.Should().Be("r");
    }

    [Theory]
    [InlineData("terremoto", "dopo i terremoti di ieri")]
    [InlineData("terremoti", "il terremoto di ieri")]
    [InlineData("alluvioni", "danni dell'alluvione")]
    [InlineData("incendio", "gli incendi boschivi")]
    public void Words_TolerateSingularAndPlural(string word, string text)
    {
        var rule = Drafts.Rule("r");
        rule.Words = [word];

        Classify(rule, "", text).RuleName.Should().Be("r");
    }

    [Theory]
    [InlineData("atti", "gli attivisti")]
    [InlineData("neve", "nevica")]
    [InlineData("frana", "Francesco")]
    public void Words_MatchWholeWordsOnly(string word, string text)
    {
        var rule = Drafts.Rule("r");
        rule.Words = [word];

        Classify(rule, text).RuleName.Should().Be("default");
    }

    [Fact]
    public void Phrase_MatchesTokenSequenceAcrossPunctuationAndSpaces()
    {
        var rule = Drafts.Rule("accesso");
        rule.Words = ["accesso agli atti"];

        Classify(rule, "Richiesta di ACCESSO   agli\natti").RuleName.Should().Be("accesso");
        Classify(rule, "accesso ai nostri atti").RuleName.Should().Be("default");
    }

    [Fact]
    public void PrefixWord_MatchesAnyWordStartingWithIt()
    {
        var rule = Drafts.Rule("volontari");
        rule.Words = ["volontar*"];

        Classify(rule, "info sul volontariato").RuleName.Should().Be("volontari");
        Classify(rule, "la volontà popolare").RuleName.Should().Be("default");
    }

    [Fact]
    public void MinWordMatches_CountsDistinctWords()
    {
        var rule = Drafts.Rule("urgente");
        rule.Words = ["adesso", "fiamme", "aiuto"];
        rule.MinWordMatches = 2;

        Classify(rule, "aiuto aiuto aiuto").RuleName.Should().Be("default");
        Classify(rule, "aiuto, fiamme vicino casa").RuleName.Should().Be("urgente");
    }

    [Fact]
    public void MinWordMatches_CountsFormsOfOneWordOnce()
    {
        var rule = Drafts.Rule("sismico");
        rule.Words = ["sismico", "sismica", "edificio"];
        rule.MinWordMatches = 2;

        Classify(rule, "", "siamo in zona sismica, il rischio sismico è alto").RuleName.Should().Be("default");
        Classify(rule, "", "zona sismica, edificio lesionato").RuleName.Should().Be("sismico");
    }

    [Fact]
    public void MinWordMatches_WordInsideAMatchedPhraseDoesNotCountAgain()
    {
        var rule = Drafts.Rule("sismico");
        rule.Words = ["sismica", "zona sismica", "scossa"];
        rule.MinWordMatches = 2;

        Classify(rule, "", "abito in zona sismica").RuleName.Should().Be("default");
        Classify(rule, "", "abito in zona sismica e ho sentito una scossa").RuleName.Should().Be("sismico");
    }

    [Fact]
    public void MinWordMatches_PrefixAndWholeWordOnTheSameWordCountOnce()
    {
        var rule = Drafts.Rule("volontari");
        rule.Words = ["volontar*", "volontariato"];
        rule.MinWordMatches = 2;

        Classify(rule, "", "info sul volontariato").RuleName.Should().Be("default");
    }

    [Theory]
    [InlineData(TextScope.Subject, "terremoto", "", true)]
    [InlineData(TextScope.Subject, "", "terremoto", false)]
    [InlineData(TextScope.Body, "terremoto", "", false)]
    [InlineData(TextScope.Body, "", "terremoto", true)]
    [InlineData(TextScope.Both, "", "terremoto", true)]
    public void Where_LimitsTheTextSearched(TextScope where, string subject, string body, bool matches)
    {
        var rule = Drafts.Rule("r");
        rule.Words = ["terremoto"];
        rule.Where = where;

        (Classify(rule, subject, body).RuleName == "r").Should().Be(matches);
    }
}
