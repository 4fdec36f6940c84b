using ContactCenter.Workers.Backoffice;
using Spectre.Console.Cli;

namespace ContactCenter.Workers.Cli.Tickets;

/// <summary><c>contactcenter tickets resume NUMBER</c>: restarts the clock and moves the due date by the pause.</summary>
internal sealed class TicketsResumeCommand(CliContext context) : AsyncCommand<TicketNumberSettings>
{
    public override Task<int> ExecuteAsync(CommandContext command, TicketNumberSettings settings, CancellationToken cancellationToken) =>
        TicketUpdate.RunAsync(context, command, settings, TicketAction.Resume, new TicketChange(), cancellationToken);
}
