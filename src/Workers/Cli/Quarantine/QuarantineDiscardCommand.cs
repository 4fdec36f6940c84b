using Spectre.Console;
using Spectre.Console.Cli;

namespace ContactCenter.Workers.Cli.Quarantine;

/// <summary><c>contactcenter quarantine discard ID --reason TEXT</c>; on a terminal the reason is asked for when missing.</summary>
internal sealed class QuarantineDiscardCommand(CliContext context) : AsyncCommand<QuarantineDiscardSettings>
{
    public override Task<int> ExecuteAsync(CommandContext command, QuarantineDiscardSettings settings, CancellationToken cancellationToken) =>
        CliErrors.RunAsync(context, async () =>
        {
            var reason = settings.Reason;
            if (string.IsNullOrWhiteSpace(reason))
            {
                if (Console.IsInputRedirected || !context.Console.Profile.Capabilities.Interactive)
                {
                    throw new UsageException("quarantine discard needs --reason TEXT (kept with the record).");
                }

                reason = await context.Console.PromptAsync(new TextPrompt<string>($"Why discard quarantined item {settings.Id}?"), cancellationToken)
                    .ConfigureAwait(false);
            }

            await using var session = CliSession.Open(context, settings, command);
            await using var client = await BackofficeConnector.ConnectAsync(session, cancellationToken).ConfigureAwait(false);
            var result = await client.DiscardQuarantineAsync(settings.Id, reason, CliActor.Current, cancellationToken).ConfigureAwait(false);
            return await ActionResultOutput.WriteAsync(context, settings.Json, result).ConfigureAwait(false);
        });
}
