namespace ContactCenter.Core.Routing.Conditions;

/// <summary>The draft's language, compared on its primary subtag ("it-IT" is "it").</summary>
internal sealed class LanguageCondition(IReadOnlyList<string> languages) : IRuleCondition
{
    public ConditionResult Evaluate(DraftView view)
    {
        var language = view.Draft.Language;
        if (string.IsNullOrWhiteSpace(language))
        {
            return ConditionResult.Fail("language unknown");
        }

        var primary = language.Split('-', '_')[0];
        return languages.Any(l => string.Equals(l.Split('-', '_')[0], primary, StringComparison.OrdinalIgnoreCase))
            ? ConditionResult.Pass($"language is {language}")
            : ConditionResult.Fail(() => $"language {language} is not one of {ListText.Of(languages)}");
    }
}
