using ContactCenter.Core.Channels;
using Microsoft.Extensions.Configuration;
using Quartz;

namespace ContactCenter.Workers.Scheduling;

/// <summary>
/// Reads <c>ContactCenter:Channels</c>: every enabled channel, the factory of its Type, and every configuration error
/// found on the way (all of them, so an admin fixes the file once), each naming its key.
/// </summary>
internal sealed class ChannelCatalog(IConfiguration configuration, IEnumerable<IChannelFactory> factories)
{
    public const string SectionName = "ContactCenter:Channels";

    private readonly Lazy<(IReadOnlyList<ChannelDefinition> Channels, IReadOnlyList<string> Errors)> loaded =
        new(() => Load(configuration, factories.ToArray()));

    public IReadOnlyList<ChannelDefinition> Channels => loaded.Value.Channels;

    public IReadOnlyList<string> Errors => loaded.Value.Errors;

    public ChannelDefinition? Find(string name) =>
        Channels.FirstOrDefault(c => string.Equals(c.Name, name, StringComparison.OrdinalIgnoreCase));

    private static (IReadOnlyList<ChannelDefinition>, IReadOnlyList<string>) Load(IConfiguration configuration, IChannelFactory[] factories)
    {
        var channels = new List<ChannelDefinition>();
        var errors = new List<string>();
        foreach (var section in configuration.GetSection(SectionName).GetChildren())
        {
            var channelErrors = new List<string>();
            var definition = LoadChannel(section, factories, channelErrors);
            errors.AddRange(channelErrors.Distinct(StringComparer.Ordinal));
            if (definition is not null && channelErrors.Count == 0)
            {
                channels.Add(definition);
            }
        }

        return (channels, errors);
    }

    private static ChannelDefinition? LoadChannel(IConfigurationSection section, IChannelFactory[] factories, List<string> errors)
    {
        var enabledText = section["Enabled"];
        var enabled = true;
        if (enabledText is not null && !bool.TryParse(enabledText, out enabled))
        {
            errors.Add($"{section.Path}:Enabled: '{enabledText}' is not true or false.");
            return null;
        }

        if (!enabled)
        {
            return null;
        }

        var type = section["Type"];
        var known = factories.Length == 0 ? "none registered" : string.Join(", ", factories.Select(f => f.Type).Order(StringComparer.OrdinalIgnoreCase));
        var factory = Array.Find(factories, f => string.Equals(f.Type, type, StringComparison.OrdinalIgnoreCase));
        if (string.IsNullOrWhiteSpace(type))
        {
            errors.Add($"{section.Path}:Type: missing (known: {known}).");
            return null;
        }

        if (factory is null)
        {
            errors.Add($"{section.Path}:Type: unknown channel type '{type}' (known: {known}).");
            return null;
        }

        try
        {
            errors.AddRange(factory.Validate(section));
            var options = factory.BindCommon(section);
            CheckSchedule(section.Path, options, errors);
            return new ChannelDefinition(section.Key, section, factory, options);
        }
        catch (InvalidOperationException ex)
        {
            // The binder's own message names the key: "Failed to convert configuration value at '...:Port' ...".
            errors.Add(ex.Message);
            return null;
        }
    }

    private static void CheckSchedule(string path, ChannelOptions options, List<string> errors)
    {
        if (!string.IsNullOrWhiteSpace(options.Cron) && !CronExpression.TryParse(options.Cron, out _))
        {
            errors.Add($"{path}:Cron: '{options.Cron}' is not a valid Quartz cron expression (e.g. '0 0/5 8-19 ? * MON-FRI').");
        }

        if (string.IsNullOrWhiteSpace(options.Cron) && options.Interval <= TimeSpan.Zero)
        {
            errors.Add($"{path}:Interval: must be positive (was {options.Interval}).");
        }

        if (options.EmergencyInterval <= TimeSpan.Zero)
        {
            errors.Add($"{path}:EmergencyInterval: must be positive (was {options.EmergencyInterval}).");
        }

        if (options.BatchSize is < 1 or > 5000)
        {
            errors.Add($"{path}:BatchSize: must be between 1 and 5000 (was {options.BatchSize}).");
        }
    }
}
