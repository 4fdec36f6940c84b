using ContactCenter.Workers.Backoffice;
using Spectre.Console.Cli;

namespace ContactCenter.Workers.Cli.Tickets;

/// <summary><c>contactcenter tickets suspend NUMBER --waiting-for "Regione Abruzzo"</c>: stops the answer clock.</summary>
internal sealed class TicketsSuspendCommand(CliContext context) : AsyncCommand<TicketsSuspendSettings>
{
    public override Task<int> ExecuteAsync(CommandContext command, TicketsSuspendSettings settings, CancellationToken cancellationToken) =>
        CliErrors.RunAsync(context, async () =>
        {
            await using var session = CliSession.Open(context, settings, command);
            return await TicketUpdate.ApplyAsync(context, session, settings.Number, TicketAction.Suspend,
                new TicketChange { WaitingFor = settings.WaitingFor }, cancellationToken).ConfigureAwait(false);
        });
}
