namespace ContactCenter.Core.Routing.Conditions;

/// <summary>
/// At least <c>minMatches</c> distinct words or phrases of the rule appear in the scope. A phrase counts only if it
/// brings a word not already counted: "sismico" and "sismica" both match "sismica" (one stem), and "zona sismica"
/// already holds "sismica", so forms of one word never add up to reach the threshold.
/// </summary>
internal sealed class WordsCondition(IReadOnlyList<WordPhrase> phrases, int minMatches, TextScope scope)
    : IRuleCondition
{
    // Longer phrases first, so a phrase claims its words before a single word inside it does.
    private readonly int[] _longestFirst = [.. Enumerable.Range(0, phrases.Count).OrderByDescending(p => phrases[p].WordCount)];
    private Func<string>? _noneFound;

    public ConditionResult Evaluate(DraftView view)
    {
        // Most rules find none of their words in most requests: for them nothing is allocated but the result.
        (string Field, PhraseMatch Match)?[]? found = null;
        for (var p = 0; p < phrases.Count; p++)
        {
            foreach (var (field, text) in view.TextsIn(scope))
            {
                if (phrases[p].FindIn(text) is { } match)
                {
                    found ??= new (string, PhraseMatch)?[phrases.Count];
                    found[p] = (field, match);
                    break;
                }
            }
        }

        if (found is null)
        {
            return minMatches <= 0 ? ConditionResult.Pass() : ConditionResult.Fail(_noneFound ??= () => Failure(0, ""));
        }

        var counted = new HashSet<string>(StringComparer.Ordinal);
        var counts = new bool[phrases.Count];
        var matches = 0;
        foreach (var p in _longestFirst)
        {
            if (found[p] is { } hit && !hit.Match.Stems.All(counted.Contains))
            {
                counts[p] = true;
                matches++;
                counted.UnionWith(hit.Match.Stems);
            }
        }

        return matches >= minMatches ? ConditionResult.Pass(Reasons(found, counts)) : FailedWith(found, counts, matches);
    }

    // Its own method, so the closure over the matches is made only when the condition fails with some of them.
    private ConditionResult FailedWith((string Field, PhraseMatch Match)?[] found, bool[] counts, int matches) =>
        ConditionResult.Fail(() => Failure(matches, matches == 0 ? "" : $" ({string.Join("; ", Reasons(found, counts))})"));

    private string Failure(int matches, string seen)
    {
        var where = scope == TextScope.Both ? "subject or body" : scope.ToString().ToLowerInvariant();
        return $"{matches} of {minMatches} required words of {ListText.Of(phrases.Select(p => p.Text))} in {where}{seen}";
    }

    private List<string> Reasons((string Field, PhraseMatch Match)?[] found, bool[] counts) =>
        [.. Enumerable.Range(0, phrases.Count).Where(p => counts[p]).Select(p => Describe(found[p]!.Value.Field, phrases[p].Text, found[p]!.Value.Match.Found))];

    private static string Describe(string field, string word, string found) =>
        TextFolding.Fold(found) == TextFolding.Fold(word.TrimEnd('*'))
            ? $"{field} contains \"{word}\""
            : $"{field} contains \"{word}\" as \"{found}\"";
}
