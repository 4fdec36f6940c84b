using ContactCenter.Workers.Backoffice;
using Spectre.Console.Cli;

namespace ContactCenter.Workers.Cli.Tickets;

/// <summary><c>contactcenter tickets reviewed NUMBER [--reason]</c>: the operator has looked at a flagged ticket.</summary>
internal sealed class TicketsReviewedCommand(CliContext context) : AsyncCommand<TicketsReviewedSettings>
{
    public override Task<int> ExecuteAsync(CommandContext command, TicketsReviewedSettings settings, CancellationToken cancellationToken) =>
        TicketUpdate.RunAsync(context, command, settings, TicketAction.Reviewed, new TicketChange { Reason = settings.Reason }, cancellationToken);
}
