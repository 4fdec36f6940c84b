using ContactCenter.Workers.Backoffice;
using Spectre.Console.Cli;

namespace ContactCenter.Workers.Cli.Tickets;

/// <summary><c>contactcenter tickets reopen NUMBER</c>.</summary>
internal sealed class TicketsReopenCommand(CliContext context) : AsyncCommand<TicketNumberSettings>
{
    public override Task<int> ExecuteAsync(CommandContext command, TicketNumberSettings settings, CancellationToken cancellationToken) =>
        CliErrors.RunAsync(context, async () =>
        {
            await using var session = CliSession.Open(context, settings, command);
            return await TicketUpdate.ApplyAsync(context, session, settings.Number, TicketAction.Reopen, new TicketChange(), cancellationToken)
                .ConfigureAwait(false);
        });
}
