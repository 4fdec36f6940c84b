namespace ContactCenter.Core.Routing;

/// <summary>A text split into words once, so every rule's words are looked up without re-reading it.</summary>
internal sealed class TokenizedText
{
    private Dictionary<string, List<int>>? byStem;

    private TokenizedText(string original, IReadOnlyList<TextToken> tokens)
    {
        Original = original;
        Tokens = tokens;
    }

    public string Original { get; }

    public IReadOnlyList<TextToken> Tokens { get; }

    public static TokenizedText From(string text)
    {
        var tokens = new List<TextToken>();
        foreach (var (start, length) in new WordRuns(text))
        {
            var folded = TextFolding.Fold(text.Substring(start, length));
            tokens.Add(new TextToken(start, length, folded, ItalianStemmer.Stem(folded)));
        }

        return new TokenizedText(text, tokens);
    }

    /// <summary>
    /// Where each stem occurs, in order, built on first use: every word of every rule is looked up in the same text,
    /// and a scan of all its tokens per word was most of the rules' CPU.
    /// </summary>
    public IReadOnlyList<int> PositionsOf(string stem)
    {
        var index = byStem;
        if (index is null)
        {
            index = new Dictionary<string, List<int>>(StringComparer.Ordinal);
            for (var i = 0; i < Tokens.Count; i++)
            {
                if (!index.TryGetValue(Tokens[i].Stem, out var positions))
                {
                    index[Tokens[i].Stem] = positions = [];
                }

                positions.Add(i);
            }

            byStem = index;
        }

        return index.TryGetValue(stem, out var found) ? found : [];
    }

    /// <summary>The original text from token <paramref name="first"/> to token <paramref name="last"/>.</summary>
    public string Span(int first, int last)
    {
        var end = Tokens[last].Start + Tokens[last].Length;
        return Original[Tokens[first].Start..end];
    }
}
