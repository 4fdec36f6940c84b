using ContactCenter.Ml;

namespace ContactCenter.Workers.Tests.Ml;

/// <summary>The words shown as the model's reason are the request's words, a question mark shown as "?".</summary>
public sealed class WordWeightsTests
{
    [Fact]
    public void Top_ShowsTheQuestionMarkWordAsAQuestionMark_StrongestFirst()
    {
        var text = $"chi rivolg {RoutingText.QuestionMark}";
        string[] slots = ["Word.chi", "Word.rivolg", $"Word.{RoutingText.QuestionMark}"];

        var top = WordWeights.Top(text, [0.5f, 0.5f, 0.7f], slots, [0.4f, -0.2f, 1f], 5);

        top.Should().Equal("? (+0.70)", "chi (+0.20)");
    }
}
