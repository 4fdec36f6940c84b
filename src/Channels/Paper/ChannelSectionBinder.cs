using System.ComponentModel.DataAnnotations;
using ContactCenter.Core.Channels;
using Microsoft.Extensions.Configuration;

namespace ContactCenter.Channels.Paper;

/// <summary>Binds a channel section to its options class and lists every problem with the full key it concerns.</summary>
internal static class ChannelSectionBinder
{
    public static TOptions Bind<TOptions>(IConfigurationSection section)
        where TOptions : ChannelOptions, new()
    {
        var (options, errors) = TryBind<TOptions>(section);
        return errors.Count == 0 && options is not null
            ? options
            : throw new InvalidOperationException(string.Join(Environment.NewLine, errors));
    }

    public static (TOptions? Options, List<string> Errors) TryBind<TOptions>(IConfigurationSection section)
        where TOptions : ChannelOptions, new()
    {
        var options = new TOptions();
        try
        {
            section.Bind(options);
        }
        catch (InvalidOperationException ex)
        {
            // The binder names the bad value and type ("Failed to convert configuration value '10x' at 'StableFor'").
            return (null, [$"{section.Path}: {ex.Message}"]);
        }

        var results = new List<ValidationResult>();
        Validator.TryValidateObject(options, new ValidationContext(options), results, validateAllProperties: true);
        var errors = results
            .SelectMany(r => (r.MemberNames.Any() ? r.MemberNames : [""]).Select(m => Key(section, m) + ": " + r.ErrorMessage))
            .ToList();
        return (options, errors);
    }

    private static string Key(IConfigurationSection section, string member) =>
        member.Length == 0 ? section.Path : $"{section.Path}:{member}";
}
