using Microsoft.Extensions.Options;

namespace ContactCenter.Ml;

/// <summary>Checks the model's settings at start; every message names the key to fix.</summary>
internal sealed class RoutingModelOptionsValidator : IValidateOptions<RoutingModelOptions>
{
    private const string Root = RoutingModelOptions.SectionName;

    public ValidateOptionsResult Validate(string? name, RoutingModelOptions options)
    {
        var errors = new List<string>();
        // NaN passes every range pattern (all comparisons are false) and would switch the thresholds off unseen.
        NotNaN(errors, "MinConfidence", options.MinConfidence);
        NotNaN(errors, "OverrideConfidence", options.OverrideConfidence);
        NotNaN(errors, "SecondLevelFrom", options.SecondLevelFrom);
        NotNaN(errors, "CorrectionWeight", options.CorrectionWeight);
        if (options.MinConfidence is < 0 or > 1)
        {
            errors.Add($"{Root}:MinConfidence: must be between 0 and 1, not {options.MinConfidence}");
        }

        if (options.OverrideConfidence is < 0.5 or > 1 || (options.OverrideConfidence is { } o && options.MinConfidence is { } m && o < m))
        {
            errors.Add($"{Root}:OverrideConfidence: must be between 0.5 and 1 and not below MinConfidence ({options.MinConfidence}), not {options.OverrideConfidence}");
        }

        if (options.SecondLevelFrom is <= 0 or > 0.5)
        {
            errors.Add($"{Root}:SecondLevelFrom: must be more than 0 and at most 0.5 (from this probability of the second level the model says second), not {options.SecondLevelFrom}");
        }

        if (options.CheckInterval <= TimeSpan.Zero || options.CheckInterval > TimeSpan.FromDays(1))
        {
            errors.Add($"{Root}:CheckInterval: must be more than 0 and at most a day, not {options.CheckInterval}");
        }

        if (options.Folds is < 2 or > 20)
        {
            errors.Add($"{Root}:Folds: must be between 2 and 20, not {options.Folds}");
        }

        if (options.CorrectionWeight is < 1 or > 100)
        {
            errors.Add($"{Root}:CorrectionWeight: must be between 1 and 100, not {options.CorrectionWeight}");
        }

        if (options.ExplainWords is < 1 or > 50)
        {
            errors.Add($"{Root}:ExplainWords: must be between 1 and 50, not {options.ExplainWords}");
        }

        if (options.Path is { } path && string.IsNullOrWhiteSpace(path))
        {
            errors.Add($"{Root}:Path: must not be blank (leave it out for {{DataDirectory}}/models)");
        }
        else if (options.Enabled && options.Path is { } file && options.IsSingleFile(file) && !File.Exists(file))
        {
            errors.Add($"{Root}:Path: the model file '{file}' does not exist (train one with: contactcenter classify train)");
        }

        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }

    private static void NotNaN(List<string> errors, string key, double? value)
    {
        if (value is { } v && double.IsNaN(v))
        {
            errors.Add($"{Root}:{key}: must be a number, not {v}");
        }
    }
}
