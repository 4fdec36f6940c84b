using ContactCenter.Core.Routing;

namespace ContactCenter.Core.Tests.Routing;

/// <summary>Phrases are looked up through the text's stem index: the first place they match, as a full scan finds it.</summary>
public sealed class WordPhraseTests
{
    [Theory]
    [InlineData("zona sismica", "La zona rossa e poi la Zona Sismiche di ieri, zona sismica", "Zona Sismiche")]
    [InlineData("allerta", "nessuna ALLERTE oggi, allerta domani", "ALLERTE")]
    [InlineData("alluv*", "danni e poi l'alluvionale piena", "alluvionale")]
    [InlineData("piena del fium*", "la piena del fiume e la piena del fiumiciattolo", "piena del fiume")]
    [InlineData("ponte crollato", "il ponte è crollato, ponte crollato", "ponte crollato")]
    public void FindIn_RepeatedWords_FindsTheFirstMatchLikeAScan(string phrase, string text, string found)
    {
        var match = new WordPhrase(phrase).FindIn(TokenizedText.From(text));

        match.Should().NotBeNull();
        match!.Found.Should().Be(found);
        match.Found.Should().Be(Scan(new WordPhrase(phrase), TokenizedText.From(text)));
    }

    [Theory]
    [InlineData("zona sismica", "sismica zona")]
    [InlineData("allerta", "allertamento")]
    [InlineData("ponte crollato", "ponte")]
    public void FindIn_NoMatch_ReturnsNull(string phrase, string text) =>
        new WordPhrase(phrase).FindIn(TokenizedText.From(text)).Should().BeNull();

    /// <summary>The phrase tried at every position, as before the index.</summary>
    private static string? Scan(WordPhrase phrase, TokenizedText text)
    {
        var parts = TokenizedText.From(phrase.Text.TrimEnd('*')).Tokens;
        for (var i = 0; i + parts.Count <= text.Tokens.Count; i++)
        {
            var ok = true;
            for (var j = 0; j < parts.Count && ok; j++)
            {
                var token = text.Tokens[i + j];
                ok = j == parts.Count - 1 && phrase.Text.EndsWith('*')
                    ? token.Folded.StartsWith(parts[j].Folded, StringComparison.Ordinal)
                    : token.Stem == parts[j].Stem;
            }

            if (ok)
            {
                return text.Span(i, i + parts.Count - 1);
            }
        }

        return null;
    }
}
