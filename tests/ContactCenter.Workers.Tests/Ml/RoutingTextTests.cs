using ContactCenter.Ml;

namespace ContactCenter.Workers.Tests.Ml;

/// <summary>The model's text keeps what tells a question for information from a request for work.</summary>
public sealed class RoutingTextTests
{
    [Fact]
    public void Normalize_KeepsInterrogativesAndQuestionMarks_DropsOtherFunctionWords()
    {
        var text = RoutingText.Normalize("A chi mi rivolgo? Come si fa la domanda, e quando??");

        text.Split(' ').Should().Equal("chi", "rivolg", RoutingText.QuestionMark, "com", "fa", "domand", "quand",
            RoutingText.QuestionMark, RoutingText.QuestionMark);
    }

    [Fact]
    public void Normalize_WithoutQuestion_HasNoQuestionMarkWord()
    {
        RoutingText.Normalize("Verificate la pratica della mia casa. Grazie!").Split(' ').Should().NotContain(RoutingText.QuestionMark);
    }
}
