using ContactCenter.Core.Tickets;
using ContactCenter.Workers.Backoffice;
using Spectre.Console.Cli;

namespace ContactCenter.Workers.Cli.Tickets;

/// <summary>
/// <c>contactcenter tickets reclassify NUMBER --level 1|2 [--category X] --reason TEXT</c>: a backoffice correction,
/// recorded in the history (and <see cref="Classification.IsCorrection"/>); a new level moves the due date
/// (<see cref="TicketChanges"/>, through the running service when there is one).
/// </summary>
internal sealed class TicketsReclassifyCommand(CliContext context) : AsyncCommand<TicketsReclassifySettings>
{
    public override Task<int> ExecuteAsync(CommandContext command, TicketsReclassifySettings settings, CancellationToken cancellationToken) =>
        TicketUpdate.RunAsync(context, command, settings, TicketAction.Reclassify,
            new TicketChange { Level = (ServiceLevel)settings.Level, Category = settings.Category, Reason = settings.Reason }, cancellationToken);
}
