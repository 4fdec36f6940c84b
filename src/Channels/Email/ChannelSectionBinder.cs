using System.ComponentModel.DataAnnotations;
using System.Reflection;
using ContactCenter.Core.Channels;
using Microsoft.Extensions.Configuration;

namespace ContactCenter.Channels.Email;

/// <summary>
/// Binds a channel section to its options class and reports every problem with the full key: unknown keys,
/// values that do not convert (with the allowed enum names), then the DataAnnotations rules.
/// </summary>
internal static class ChannelSectionBinder
{
    public static T? Bind<T>(IConfigurationSection section, string type, List<string> errors)
        where T : ChannelOptions, new()
    {
        var before = errors.Count;
        CheckKeys(section, typeof(T), $"a {type} channel", errors);
        if (errors.Count > before)
        {
            return null;
        }

        T options;
        try
        {
            options = section.Get<T>() ?? new T();
        }
        catch (InvalidOperationException ex)
        {
            errors.Add($"{section.Path}: {ex.Message}");
            return null;
        }

        if (!string.Equals(options.Type, type, StringComparison.OrdinalIgnoreCase))
        {
            errors.Add($"{section.Path}:Type: '{options.Type}' is not {type}");
        }

        var results = new List<ValidationResult>();
        Validator.TryValidateObject(options, new ValidationContext(options), results, validateAllProperties: true);
        foreach (var result in results)
        {
            var member = result.MemberNames.FirstOrDefault() ?? "";
            errors.Add($"{section.Path}:{member}: {result.ErrorMessage} (for {type})");
        }

        return options;
    }

    private static void CheckKeys(IConfigurationSection section, Type target, string what, List<string> errors)
    {
        var properties = target.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.CanWrite)
            .ToDictionary(p => p.Name, StringComparer.OrdinalIgnoreCase);
        foreach (var child in section.GetChildren())
        {
            if (!properties.TryGetValue(child.Key, out var property))
            {
                errors.Add($"{child.Path}: unknown setting for {what} (known: {string.Join(", ", properties.Keys.Order())})");
                continue;
            }

            // A nested settings object (OAuth2) gets the same checks as the channel itself.
            if (child.Value is null && property.PropertyType.IsClass && !IsScalar(property.PropertyType)
                && !typeof(System.Collections.IEnumerable).IsAssignableFrom(property.PropertyType))
            {
                CheckKeys(child, property.PropertyType, $"{section.Key}:{child.Key}", errors);
                continue;
            }

            CheckConvertible(child, property.PropertyType, errors);
        }
    }

    private static void CheckConvertible(IConfigurationSection child, Type propertyType, List<string> errors)
    {
        if (child.Value is null)
        {
            if (child.GetChildren().Any() && IsScalar(propertyType))
            {
                errors.Add($"{child.Path}: must be a single value, not a section");
            }

            return;
        }

        try
        {
            child.Get(propertyType);
        }
        catch (InvalidOperationException)
        {
            var target = Nullable.GetUnderlyingType(propertyType) ?? propertyType;
            var expected = target.IsEnum
                ? "one of " + string.Join(", ", Enum.GetNames(target))
                : target == typeof(TimeSpan) ? "a time span like 00:01:30"
                : target == typeof(DateOnly) ? "a date like 2026-01-31"
                : "a valid " + target.Name;
            // The value of a secret is never echoed.
            var shown = new[] { "Password", "Secret", "Token" }.Any(w => child.Key.Contains(w, StringComparison.OrdinalIgnoreCase)) ? "(hidden)" : $"'{child.Value}'";
            errors.Add($"{child.Path}: {shown} is not {expected}");
        }
    }

    private static bool IsScalar(Type type)
    {
        var target = Nullable.GetUnderlyingType(type) ?? type;
        return target.IsPrimitive || target.IsEnum || target == typeof(string) || target == typeof(TimeSpan)
            || target == typeof(DateOnly) || target == typeof(decimal);
    }
}
