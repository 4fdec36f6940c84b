using ContactCenter.Core.Pipeline;
using ContactCenter.Workers.Scheduling;
using Microsoft.Extensions.Logging;
using Spectre.Console;
using Spectre.Console.Cli;

namespace ContactCenter.Workers.Cli.Ingest;

/// <summary><c>contactcenter ingest --once [--channel NAME]</c>: one pass over the channels, without the scheduler.</summary>
internal sealed class IngestCommand(CliContext context) : AsyncCommand<IngestSettings>
{
    public override Task<int> ExecuteAsync(CommandContext command, IngestSettings settings, CancellationToken cancellationToken) =>
        CliErrors.RunAsync(context, async () =>
        {
            if (!settings.Once)
            {
                throw new UsageException("ingest needs --once; the service ('contactcenter run') polls on its own schedule.");
            }

            var interactive = context.Console.Profile.Capabilities.Interactive && !settings.Json;
            await using var session = CliSession.Open(context, settings, command, interactive ? LogLevel.Warning : LogLevel.Information, readsItems: true);
            var channels = SelectChannels(session.Get<ChannelCatalog>(), settings.Channel);
            var runner = new IngestRunner(session.Get<IngestPipeline>(), session.Get<ChannelSources>());
            var summaries = interactive
                ? await IngestProgress.RunAsync(context.Console, runner, channels, cancellationToken).ConfigureAwait(false)
                : await runner.RunAllAsync(channels, null, cancellationToken).ConfigureAwait(false);
            if (settings.Json)
            {
                CliJson.Write(context.Output, summaries);
            }
            else
            {
                context.Console.Write(IngestSummaryTable.Build(summaries));
            }

            return summaries.All(s => s.Succeeded) ? ExitCodes.Ok : ExitCodes.Failure;
        });

    private static IReadOnlyList<ChannelDefinition> SelectChannels(ChannelCatalog catalog, string? name)
    {
        if (name is null)
        {
            return catalog.Channels;
        }

        var channel = catalog.Find(name);
        return channel is not null
            ? [channel]
            : throw new UsageException(
                $"--channel: no enabled channel named '{name}' (enabled: {string.Join(", ", catalog.Channels.Select(c => c.Name))}).");
    }
}
