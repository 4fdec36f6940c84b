using ContactCenter.Workers.Backoffice;
using Spectre.Console.Cli;

namespace ContactCenter.Workers.Cli.Tickets;

/// <summary><c>contactcenter tickets close NUMBER [--reason]</c>: the request is answered.</summary>
internal sealed class TicketsCloseCommand(CliContext context) : AsyncCommand<TicketsCloseSettings>
{
    public override Task<int> ExecuteAsync(CommandContext command, TicketsCloseSettings settings, CancellationToken cancellationToken) =>
        TicketUpdate.RunAsync(context, command, settings, TicketAction.Close, new TicketChange { Reason = settings.Reason }, cancellationToken);
}
