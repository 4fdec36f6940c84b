using ContactCenter.Core.Routing;
using ContactCenter.Core.Tickets;

namespace ContactCenter.Core.Tests.Routing;

public sealed class RoutingRulesFingerprintTests
{
    [Fact]
    public void Of_SameRulesWithOtherDescriptions_IsTheSame()
    {
        var described = Rules();
        described[0].Description = "spiegazione riscritta";

        RoutingRulesFingerprint.Of(described).Should().Be(RoutingRulesFingerprint.Of(Rules())).And.HaveLength(16);
    }

    [Fact]
    public void Of_AWordALevelOrTheOrderChanged_IsAnother()
    {
        var original = RoutingRulesFingerprint.Of(Rules());
        var word = Rules();
        word[0].Words.Add("volontaria");
        var level = Rules();
        level[1].Level = ServiceLevel.First;
        var order = Rules();
        order.Reverse();

        new[] { word, level, order }.Select(RoutingRulesFingerprint.Of).Should().OnlyHaveUniqueItems().And.NotContain(original);
        RoutingRulesFingerprint.Of([]).Should().NotBe(original);
    }

    private static List<RoutingRule> Rules() =>
    [
        new() { Name = "volontariato", Words = ["volontario"], Level = ServiceLevel.First, Category = "volontariato" },
        new() { Name = "sismico", Words = ["crepa", "lesione"], MinWordMatches = 1, Level = ServiceLevel.Second, Category = "rischio sismico" },
    ];
}
