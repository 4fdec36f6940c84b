using ContactCenter.Core.Routing;
using ContactCenter.Core.Tickets;

namespace ContactCenter.Core.Tests.Routing;

public sealed class RuleOrderingTests
{
    [Fact]
    public void FirstMatchingRule_Wins()
    {
        var first = Drafts.Rule("primo", ServiceLevel.First, "volontariato");
        first.Words = ["volontario"];
        var second = Drafts.Rule("secondo", ServiceLevel.Second, "contributi e rimborsi");
        second.Words = ["rimborso"];

        var result = Drafts.Classifier(first, second).Classify(Drafts.Email("rimborso per un volontario"));

        result.RuleName.Should().Be("primo");
        result.Level.Should().Be(ServiceLevel.First);
        result.Category.Should().Be("volontariato");
        result.Matches.Should().Equal("subject contains \"volontario\"");
    }

    [Fact]
    public void NoMatchingRule_FallsToTheDefault()
    {
        var rule = Drafts.Rule("sisma");
        rule.Words = ["terremoto"];
        var options = new RoutingOptions
        {
            Rules = [rule],
            Default = new RoutingTarget
            {
                Level = ServiceLevel.First, Category = "altro", Office = "URP", Priority = TicketPriority.Low,
            },
        };

        var result = Drafts.Classifier(options).Classify(Drafts.Email("orari di apertura"));

        result.RuleName.Should().Be("default");
        result.Category.Should().Be("altro");
        result.Office.Should().Be("URP");
        result.Priority.Should().Be(TicketPriority.Low);
        result.Matches.Should().Equal("no rule matched");
    }

    [Fact]
    public void RuleSettingOnlyTheLevel_LeavesTheCategoryToTheNextMatchingRule()
    {
        var pa = new RoutingRule { Name = "pa", SenderPatterns = ["*@comune.*.it"], Level = ServiceLevel.Second };
        var fires = new RoutingRule
        {
            Name = "incendi", Words = ["incendio"], Level = ServiceLevel.First, Category = "incendi boschivi",
            Office = "AIB", Priority = TicketPriority.High,
        };

        var result = Drafts.Classifier(pa, fires)
            .Classify(Drafts.Email("catasto incendi", sender: "tecnico@comune.atri.te.it"));

        result.Level.Should().Be(ServiceLevel.Second);
        result.Category.Should().Be("incendi boschivi");
        result.Office.Should().Be("AIB");
        result.Priority.Should().Be(TicketPriority.High);
        result.RuleName.Should().Be("pa + incendi");
        result.Matches.Should().Equal("sender matches \"*@comune.*.it\"", "incendi: subject contains \"incendio\" as \"incendi\"");
    }

    [Fact]
    public void RuleSettingOnlyTheLevel_WithNoOtherMatch_TakesCategoryFromTheDefault()
    {
        var pa = new RoutingRule { Name = "pa", SenderPatterns = ["*.gov.it"], Level = ServiceLevel.Second };

        var result = Drafts.Classifier(pa).Classify(Drafts.Email("convocazione", sender: "a@interno.gov.it"));

        result.Level.Should().Be(ServiceLevel.Second);
        result.Category.Should().Be("altro");
        result.RuleName.Should().Be("pa");
    }
}
