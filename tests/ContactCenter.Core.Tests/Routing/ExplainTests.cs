using ContactCenter.Core.Routing;
using ContactCenter.Core.Tickets;

namespace ContactCenter.Core.Tests.Routing;

public sealed class ExplainTests
{
    private static RuleBasedClassifier Classifier()
    {
        var sisma = Drafts.Rule("rischio-sismico", ServiceLevel.First, "rischio sismico");
        sisma.Words = ["terremoto", "scossa"];
        var atti = Drafts.Rule("accesso-agli-atti", ServiceLevel.Second, "accesso agli atti");
        atti.Words = ["accesso agli atti"];
        atti.SenderPatterns = ["*@pec.*"];
        var meteo = Drafts.Rule("allerta-meteo", ServiceLevel.First, "allerta meteo");
        meteo.Words = ["allerta"];
        return Drafts.Classifier(atti, sisma, meteo);
    }

    [Fact]
    public void Explain_ListsEveryRuleInOrderWithWhyAndWhyNot()
    {
        var draft = Drafts.Email("Terremoti e scosse", "chiedo l'accesso agli atti", sender: "mario@gmail.com");

        var explanation = Classifier().Explain(draft);

        explanation.Rules.Select(r => r.Name).Should().Equal("accesso-agli-atti", "rischio-sismico", "allerta-meteo");
        var atti = explanation.Rules[0];
        atti.Matched.Should().BeFalse();
        atti.Reasons.Should().Contain("body contains \"accesso agli atti\"");
        atti.Failures.Should().ContainSingle().Which.Should().Contain("mario@gmail.com").And.Contain("*@pec.*");
        var sisma = explanation.Rules[1];
        sisma.Matched.Should().BeTrue();
        sisma.Reasons.Should().Equal("subject contains \"terremoto\" as \"Terremoti\"", "subject contains \"scossa\" as \"scosse\"");
        sisma.Decided.Should().Contain("level First");
        explanation.Rules[2].Matched.Should().BeFalse();
        explanation.Rules[2].Failures.Should().ContainSingle().Which.Should().Contain("0 of 1 required words");
        explanation.Result.RuleName.Should().Be("rischio-sismico");
    }

    [Fact]
    public void Explain_GivesTheSameResultAsClassify()
    {
        var draft = Drafts.Email("allerta e terremoto");
        var classifier = Classifier();

        var explained = classifier.Explain(draft).Result;
        var classified = classifier.Classify(draft);

        explained.Should().BeEquivalentTo(classified);
    }

    [Fact]
    public void Explain_AfterTheDecidingRule_MarksLaterMatchesAsDecidingNothing()
    {
        var explanation = Classifier().Explain(Drafts.Email("allerta e terremoto"));

        explanation.Rules[1].Decided.Should().NotBeEmpty();
        explanation.Rules[2].Matched.Should().BeTrue();
        explanation.Rules[2].Decided.Should().BeEmpty();
    }

    [Fact]
    public void Explain_RuleShortOfWords_NamesTheWordsSeenAndTheWholeList()
    {
        var sisma = Drafts.Rule("rischio-sismico", ServiceLevel.Second, "rischio sismico");
        sisma.Words = ["zona sismica", "sismico", "verifica"];
        sisma.MinWordMatches = 2;
        var draft = Drafts.Email("Zona sismica", "è sismico il comune?");

        var explanation = Drafts.Classifier(sisma).Explain(draft);

        // Both forms of one word count once, so the rule is one word short, and its failure says which it saw.
        explanation.Rules[0].Failures.Should().Equal(
            "1 of 2 required words of [\"zona sismica\", \"sismico\", \"verifica\"] in subject or body (subject contains \"zona sismica\")");
    }
}
