using Microsoft.Extensions.Options;

namespace ContactCenter.Core.Routing;

/// <summary>Checks the rules at start-up; every message names the configuration key to fix.</summary>
internal sealed class RoutingOptionsValidator : IValidateOptions<RoutingOptions>
{
    private const string Root = RoutingOptions.SectionName;

    public ValidateOptionsResult Validate(string? name, RoutingOptions options)
    {
        var errors = new List<string>();
        var seen = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < options.Rules.Count; i++)
        {
            var rule = options.Rules[i];
            var key = $"{Root}:Rules:{i}";
            if (string.IsNullOrWhiteSpace(rule.Name))
            {
                errors.Add($"{key}:Name: a rule needs a name");
            }
            else if (string.Equals(rule.Name, "default", StringComparison.OrdinalIgnoreCase))
            {
                errors.Add($"{key}:Name: \"default\" is reserved for {Root}:Default");
            }
            else if (!seen.TryAdd(rule.Name, i))
            {
                errors.Add($"{key}:Name: duplicate rule name \"{rule.Name}\" (also {Root}:Rules:{seen[rule.Name]})");
            }

            ValidateRule(key, rule, options.RegexTimeout, errors);
        }

        ValidateDefault(options.Default, errors);
        if (options.RegexTimeout <= TimeSpan.Zero || options.RegexTimeout > TimeSpan.FromSeconds(10))
        {
            errors.Add($"{Root}:RegexTimeout: must be more than 0 and at most 10 seconds, not {options.RegexTimeout}");
        }

        if (options.MaxTextLength < 100)
        {
            errors.Add($"{Root}:MaxTextLength: must be at least 100, not {options.MaxTextLength}");
        }

        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }

    private static void ValidateRule(string key, RoutingRule rule, TimeSpan timeout, List<string> errors)
    {
        var label = string.IsNullOrWhiteSpace(rule.Name) ? "" : $" \"{rule.Name}\"";
        if (!RuleCompiler.HasConditions(rule))
        {
            errors.Add($"{key}: rule{label} has no conditions (it would catch everything: use {Root}:Default)");
        }

        if (rule.Level is null && rule.Category is null && rule.Office is null && rule.Priority is null)
        {
            errors.Add($"{key}: rule{label} sets nothing (Level, Category, Office or Priority)");
        }

        if (rule.Level is { } level && !Enum.IsDefined(level))
        {
            errors.Add($"{key}:Level: {(int)level} is not a level (First or Second)");
        }

        if (rule.Priority is { } priority && !Enum.IsDefined(priority))
        {
            errors.Add($"{key}:Priority: {(int)priority} is not a priority");
        }

        if (rule.Category is not null && string.IsNullOrWhiteSpace(rule.Category))
        {
            errors.Add($"{key}:Category: must not be blank");
        }

        CheckBlank(key, "ChannelNames", rule.ChannelNames, errors);
        CheckBlank(key, "SenderPatterns", rule.SenderPatterns, errors);
        CheckBlank(key, "AttachmentTypes", rule.AttachmentTypes, errors);
        CheckBlank(key, "Languages", rule.Languages, errors);
        CheckBlank(key, "CategoryHints", rule.CategoryHints, errors);
        for (var k = 0; k < rule.Channels.Count; k++)
        {
            if (!Enum.IsDefined(rule.Channels[k]))
            {
                errors.Add($"{key}:Channels:{k}: {(int)rule.Channels[k]} is not a channel kind");
            }
        }

        ValidateWords(key, rule, errors);
        for (var k = 0; k < rule.Patterns.Count; k++)
        {
            try
            {
                RuleCompiler.CreateRegex(rule.Patterns[k], timeout > TimeSpan.Zero ? timeout : TimeSpan.FromSeconds(1));
            }
            catch (ArgumentException ex)
            {
                errors.Add($"{key}:Patterns:{k}: invalid regular expression: {ex.Message}");
            }
        }

        if (!Enum.IsDefined(rule.Where))
        {
            errors.Add($"{key}:Where: must be Subject, Body or Both");
        }
    }

    private static void ValidateWords(string key, RoutingRule rule, List<string> errors)
    {
        for (var k = 0; k < rule.Words.Count; k++)
        {
            if (new WordPhrase(rule.Words[k] ?? "").IsEmpty)
            {
                errors.Add($"{key}:Words:{k}: \"{rule.Words[k]}\" has no word in it");
            }
        }

        if (rule.MinWordMatches < 1 || (rule.Words.Count > 0 && rule.MinWordMatches > rule.Words.Count))
        {
            errors.Add($"{key}:MinWordMatches: must be between 1 and the number of Words ({rule.Words.Count}), " +
                       $"not {rule.MinWordMatches}");
        }
        else if (rule.Words.Count > 0 && DistinctWords(rule.Words) is var distinct && rule.MinWordMatches > distinct)
        {
            // A word counts once whatever its form (WordsCondition), so a higher threshold leaves the rule dead.
            errors.Add($"{key}:MinWordMatches: {rule.MinWordMatches} can never be reached: Words hold {distinct} distinct " +
                       "word(s), and forms of one word (\"sismico\", \"sismica\") count once");
        }
    }

    /// <summary>How many Words can count at most: the distinct stems, unbounded (the count of Words) with a prefix.</summary>
    private static int DistinctWords(List<string> words)
    {
        var phrases = words.Select(w => new WordPhrase(w ?? "")).Where(p => !p.IsEmpty).ToList();
        return phrases.Count == 0 || phrases.Any(p => p.Stems is null)
            ? words.Count
            : Math.Min(phrases.Count, phrases.SelectMany(p => p.Stems!).Distinct(StringComparer.Ordinal).Count());
    }

    private static void ValidateDefault(RoutingTarget target, List<string> errors)
    {
        if (string.IsNullOrWhiteSpace(target.Category))
        {
            errors.Add($"{Root}:Default:Category: the default needs a category");
        }

        if (!Enum.IsDefined(target.Level))
        {
            errors.Add($"{Root}:Default:Level: {(int)target.Level} is not a level (First or Second)");
        }

        if (!Enum.IsDefined(target.Priority))
        {
            errors.Add($"{Root}:Default:Priority: {(int)target.Priority} is not a priority");
        }
    }

    private static void CheckBlank(string key, string list, List<string> items, List<string> errors)
    {
        for (var k = 0; k < items.Count; k++)
        {
            if (string.IsNullOrWhiteSpace(items[k]))
            {
                errors.Add($"{key}:{list}:{k}: must not be blank");
            }
        }
    }
}
