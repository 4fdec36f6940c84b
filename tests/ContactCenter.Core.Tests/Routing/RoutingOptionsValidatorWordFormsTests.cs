using ContactCenter.Core.Routing;
using ContactCenter.Core.Tickets;

namespace ContactCenter.Core.Tests.Routing;

/// <summary>Forms of one word count once when a rule's words are counted, so MinWordMatches is checked against them.</summary>
public sealed class RoutingOptionsValidatorWordFormsTests
{
    private static IEnumerable<string> Errors(List<string> words, int minWordMatches) => new RoutingOptionsValidator().Validate(null,
            new RoutingOptions { Rules = [new RoutingRule { Name = "sisma", Words = words, MinWordMatches = minWordMatches, Level = ServiceLevel.Second }] })
        .Failures ?? [];

    [Fact]
    public void Validate_MinWordMatchesAboveDistinctWords_FailsNamingTheKey() =>
        Errors(["sismico", "sismica"], 2).Should().ContainSingle()
            .Which.Should().StartWith("ContactCenter:Routing:Rules:0:MinWordMatches: 2 can never be reached: Words hold 1 distinct word(s)");

    [Fact]
    public void Validate_TwoWordsOneInTwoForms_Passes() =>
        Errors(["sismico", "sismica", "crepe"], 2).Should().BeEmpty();

    [Fact]
    public void Validate_PrefixWord_IsNotCountedAsOneStem() =>
        Errors(["sism*", "sismica"], 2).Should().BeEmpty();
}
