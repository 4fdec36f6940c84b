using ContactCenter.Workers.Backoffice;
using Spectre.Console.Cli;

namespace ContactCenter.Workers.Cli.Tickets;

/// <summary><c>contactcenter tickets suspend NUMBER --waiting-for "Regione Abruzzo"</c>: stops the answer clock.</summary>
internal sealed class TicketsSuspendCommand(CliContext context) : AsyncCommand<TicketsSuspendSettings>
{
    public override Task<int> ExecuteAsync(CommandContext command, TicketsSuspendSettings settings, CancellationToken cancellationToken) =>
        TicketUpdate.RunAsync(context, command, settings, TicketAction.Suspend, new TicketChange { WaitingFor = settings.WaitingFor }, cancellationToken);
}
