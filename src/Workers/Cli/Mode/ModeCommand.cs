using ContactCenter.Core.Storage;
using Spectre.Console;
using Spectre.Console.Cli;

namespace ContactCenter.Workers.Cli.Mode;

/// <summary>
/// <c>contactcenter mode emergency|ordinary</c>: stored in the ticket store; the running service reads it and moves
/// its poll schedules without a restart.
/// </summary>
internal sealed class ModeCommand(CliContext context) : AsyncCommand<ModeSettings>
{
    public override Task<int> ExecuteAsync(CommandContext command, ModeSettings settings, CancellationToken cancellationToken) =>
        CliErrors.RunAsync(context, async () =>
        {
            await using var session = CliSession.Open(context, settings, command);
            await using var client = await Cli.BackofficeConnector.ConnectAsync(session, cancellationToken).ConfigureAwait(false);
            var current = await client.GetModeAsync(cancellationToken).ConfigureAwait(false);
            if (settings.Mode is null)
            {
                context.Console.MarkupLine($"Service mode: [bold]{current}[/]");
                return ExitCodes.Ok;
            }

            var mode = Enum.Parse<ServiceMode>(settings.Mode, ignoreCase: true);
            await client.SetModeAsync(mode, CliActor.Current, cancellationToken).ConfigureAwait(false);
            context.Console.MarkupLine(current == mode
                ? $"Service mode is already [bold]{mode}[/]."
                : $"Service mode switched from {current} to [bold]{mode}[/]; a running service picks it up within seconds.");
            return ExitCodes.Ok;
        });
}
