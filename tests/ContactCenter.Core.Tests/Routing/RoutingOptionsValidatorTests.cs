using ContactCenter.Core.Routing;
using ContactCenter.Core.Tickets;

namespace ContactCenter.Core.Tests.Routing;

public sealed class RoutingOptionsValidatorTests
{
    private static IEnumerable<string> Errors(RoutingOptions options) =>
        new RoutingOptionsValidator().Validate(null, options).Failures ?? [];

    private static RoutingRule Valid(string name) => new() { Name = name, Words = ["x"], Level = ServiceLevel.First };

    [Fact]
    public void ValidRules_Pass() =>
        new RoutingOptionsValidator().Validate(null, new RoutingOptions { Rules = [Valid("a"), Valid("b")] })
            .Succeeded.Should().BeTrue();

    [Fact]
    public void InvalidRegex_NamesTheKey()
    {
        var broken = Valid("d");
        broken.Patterns = ["ok", "(unclosed"];

        Errors(new RoutingOptions { Rules = [Valid("a"), Valid("b"), Valid("c"), broken] }).Should().ContainSingle()
            .Which.Should().StartWith("ContactCenter:Routing:Rules:3:Patterns:1: invalid regular expression: ");
    }

    [Fact]
    public void MissingName_NamesTheKey() =>
        Errors(new RoutingOptions { Rules = [Valid("")] }).Should()
            .Equal("ContactCenter:Routing:Rules:0:Name: a rule needs a name");

    [Fact]
    public void DuplicateNames_NameBothRules() =>
        Errors(new RoutingOptions { Rules = [Valid("meteo"), Valid("sisma"), Valid("Meteo")] }).Should()
            .Equal("ContactCenter:Routing:Rules:2:Name: duplicate rule name \"Meteo\" (also ContactCenter:Routing:Rules:0)");

    [Fact]
    public void RuleWithoutConditions_IsRejected() =>
        Errors(new RoutingOptions { Rules = [new RoutingRule { Name = "tutto", Level = ServiceLevel.Second }] })
            .Should().ContainSingle().Which.Should().StartWith("ContactCenter:Routing:Rules:0: rule \"tutto\" has no conditions");

    [Fact]
    public void RuleThatSetsNothing_IsRejected() =>
        Errors(new RoutingOptions { Rules = [new RoutingRule { Name = "vuota", Words = ["x"] }] })
            .Should().Equal("ContactCenter:Routing:Rules:0: rule \"vuota\" sets nothing (Level, Category, Office or Priority)");

    [Fact]
    public void BadWordsAndMinimum_NameTheirKeys()
    {
        var rule = Valid("r");
        rule.Words = ["ok", " ?! "];
        rule.MinWordMatches = 3;

        Errors(new RoutingOptions { Rules = [rule] }).Should().BeEquivalentTo(
            "ContactCenter:Routing:Rules:0:Words:1: \" ?! \" has no word in it",
            "ContactCenter:Routing:Rules:0:MinWordMatches: must be between 1 and the number of Words (2), not 3");
    }

    [Fact]
    public void ReservedNameAndBlankDefault_AreRejected()
    {
        var options = new RoutingOptions { Rules = [Valid("default")], Default = new RoutingTarget { Category = " " } };

        Errors(options).Should().BeEquivalentTo(
            "ContactCenter:Routing:Rules:0:Name: \"default\" is reserved for ContactCenter:Routing:Default",
            "ContactCenter:Routing:Default:Category: the default needs a category");
    }
}
