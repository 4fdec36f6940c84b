using ContactCenter.Workers.Scheduling;
using Microsoft.Extensions.Configuration;
using Spectre.Console;
using Spectre.Console.Cli;

namespace ContactCenter.Workers.Cli.Config;

/// <summary>
/// <c>contactcenter config check</c>: validates every section exactly as <c>run</c> does at start, then prints the effective
/// configuration (secrets masked) with the layer each value comes from, and the channels that would be polled.
/// </summary>
internal sealed class ConfigCheckCommand(CliContext context) : AsyncCommand<JsonSettings>
{
    public override Task<int> ExecuteAsync(CommandContext command, JsonSettings settings, CancellationToken cancellationToken) =>
        CliErrors.RunAsync(context, async () =>
        {
            // Built as run builds the service (not started): one set of validators, one set of messages.
            await using var session = CliSession.Open(context, settings, command, asService: true);
            var entries = Effective(session.Configuration);
            var channels = session.Get<ChannelCatalog>().Channels;
            if (settings.Json)
            {
                CliJson.Write(context.Output, new
                {
                    valid = true,
                    configuration = entries.ToDictionary(e => e.Key, e => e.Value),
                    channels = channels.Select(c => new { c.Name, c.Factory.Type, Schedule = ChannelTriggers.Describe(c, Core.Storage.ServiceMode.Ordinary) }),
                });
                return ExitCodes.Ok;
            }

            var table = new Table().Title("Effective configuration").AddColumns("Key", "Value", "From");
            foreach (var (key, value, source) in entries)
            {
                table.AddRow(Markup.Escape(key), Markup.Escape(value ?? ""), Markup.Escape(source));
            }

            context.Console.Write(table);
            context.Console.MarkupLine(channels.Count == 0
                ? "[yellow]No channel is enabled.[/]"
                : "Channels: " + Markup.Escape(string.Join(", ", channels.Select(c => $"{c.Name} ({c.Factory.Type}, {ChannelTriggers.Describe(c, Core.Storage.ServiceMode.Ordinary)})"))));
            context.Console.MarkupLine("[green]Configuration is valid.[/]");
            return ExitCodes.Ok;
        });

    private static List<(string Key, string? Value, string Source)> Effective(IConfiguration configuration)
    {
        var providers = configuration is IConfigurationRoot root ? root.Providers.Reverse().ToList() : [];
        return configuration.GetSection("ContactCenter").AsEnumerable()
            .Where(e => e.Value is not null)
            .OrderBy(e => e.Key, StringComparer.OrdinalIgnoreCase)
            .Select(e => (e.Key, SecretMask.Apply(e.Key, e.Value), Source(providers, e.Key)))
            .ToList();
    }

    private static string Source(List<IConfigurationProvider> providers, string key)
    {
        var provider = providers.FirstOrDefault(p => p.TryGet(key, out _));
        return provider switch
        {
            FileConfigurationProvider file => file.Source.Path ?? "file",
            null => "",
            _ => provider.GetType().Name.Replace("ConfigurationProvider", "", StringComparison.Ordinal),
        };
    }
}
