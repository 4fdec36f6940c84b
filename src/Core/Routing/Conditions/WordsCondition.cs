namespace ContactCenter.Core.Routing.Conditions;

/// <summary>At least <c>minMatches</c> distinct words or phrases of the rule appear in the scope.</summary>
internal sealed class WordsCondition(IReadOnlyList<WordPhrase> phrases, int minMatches, TextScope scope)
    : IRuleCondition
{
    public ConditionResult Evaluate(DraftView view)
    {
        var reasons = new List<string>();
        foreach (var phrase in phrases)
        {
            foreach (var (field, text) in view.TextsIn(scope))
            {
                var found = phrase.FindIn(text);
                if (found is not null)
                {
                    reasons.Add(Describe(field, phrase.Text, found));
                    break;
                }
            }
        }

        if (reasons.Count >= minMatches)
        {
            return new ConditionResult(true, reasons);
        }

        var where = scope == TextScope.Both ? "subject or body" : scope.ToString().ToLowerInvariant();
        var seen = reasons.Count == 0 ? "" : $" ({string.Join("; ", reasons)})";
        return ConditionResult.Fail(
            $"{reasons.Count} of {minMatches} required words of {ListText.Of(phrases.Select(p => p.Text))} in {where}{seen}");
    }

    private static string Describe(string field, string word, string found) =>
        TextFolding.Fold(found) == TextFolding.Fold(word.TrimEnd('*'))
            ? $"{field} contains \"{word}\""
            : $"{field} contains \"{word}\" as \"{found}\"";
}
