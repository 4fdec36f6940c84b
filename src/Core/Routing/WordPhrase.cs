namespace ContactCenter.Core.Routing;

/// <summary>A rule's word or phrase, stemmed once; a trailing '*' turns its last word into a prefix.</summary>
internal sealed class WordPhrase
{
    private readonly string[] _parts;
    private readonly bool _lastIsPrefix;

    public WordPhrase(string text)
    {
        Text = text.Trim();
        _lastIsPrefix = Text.EndsWith('*');
        var tokens = TokenizedText.From(Text.TrimEnd('*')).Tokens;
        _parts = tokens.Select((t, i) => i == tokens.Count - 1 && _lastIsPrefix ? t.Folded : t.Stem).ToArray();
    }

    public string Text { get; }

    public bool IsEmpty => _parts.Length == 0;

    public int WordCount => _parts.Length;

    /// <summary>The words' stems; null for a prefix phrase, whose last word matches words of any stem.</summary>
    public IReadOnlyList<string>? Stems => _lastIsPrefix ? null : _parts;

    /// <summary>The first place the phrase matches in <paramref name="text"/>, or null.</summary>
    public PhraseMatch? FindIn(TokenizedText text)
    {
        var tokens = text.Tokens;
        // A phrase starting with a whole word can only match where that word's stem is; a lone prefix anywhere.
        var starts = _parts.Length > 1 || (_parts.Length == 1 && !_lastIsPrefix)
            ? text.PositionsOf(_parts[0])
            : Enumerable.Range(0, tokens.Count).ToList();
        foreach (var i in starts)
        {
            if (i + _parts.Length <= tokens.Count && MatchesAt(tokens, i))
            {
                var stems = Enumerable.Range(i, _parts.Length).Select(k => tokens[k].Stem).ToArray();
                return new PhraseMatch(text.Span(i, i + _parts.Length - 1), stems);
            }
        }

        return null;
    }

    private bool MatchesAt(IReadOnlyList<TextToken> tokens, int at)
    {
        for (var j = 0; j < _parts.Length; j++)
        {
            var token = tokens[at + j];
            var ok = j == _parts.Length - 1 && _lastIsPrefix
                ? token.Folded.StartsWith(_parts[j], StringComparison.Ordinal)
                : token.Stem == _parts[j];
            if (!ok)
            {
                return false;
            }
        }

        return true;
    }
}
