namespace ContactCenter.Core.Configuration;

/// <summary>
/// The configuration binder takes any number for an enum ("Security": 5), which would then run as no value the code
/// knows or silently as a default; a validator refuses it with the names that are allowed.
/// </summary>
public static class EnumSetting
{
    /// <summary>Adds an error naming <paramref name="key"/> when <paramref name="value"/> is not one of <typeparamref name="T"/>'s names.</summary>
    public static void Check<T>(ICollection<string> errors, string key, T value)
        where T : struct, Enum
    {
        if (!Enum.IsDefined(value))
        {
            errors.Add($"{key}: must be one of {string.Join(", ", Enum.GetNames<T>())} (was {value}).");
        }
    }
}
