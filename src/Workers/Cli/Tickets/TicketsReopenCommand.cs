using ContactCenter.Workers.Backoffice;
using Spectre.Console.Cli;

namespace ContactCenter.Workers.Cli.Tickets;

/// <summary><c>contactcenter tickets reopen NUMBER</c>.</summary>
internal sealed class TicketsReopenCommand(CliContext context) : AsyncCommand<TicketNumberSettings>
{
    public override Task<int> ExecuteAsync(CommandContext command, TicketNumberSettings settings, CancellationToken cancellationToken) =>
        TicketUpdate.RunAsync(context, command, settings, TicketAction.Reopen, new TicketChange(), cancellationToken);
}
