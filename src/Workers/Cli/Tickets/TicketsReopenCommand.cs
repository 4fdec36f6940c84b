using ContactCenter.Core.Tickets;
using Spectre.Console.Cli;

namespace ContactCenter.Workers.Cli.Tickets;

/// <summary><c>contactcenter tickets reopen NUMBER</c>.</summary>
internal sealed class TicketsReopenCommand(CliContext context) : AsyncCommand<TicketNumberSettings>
{
    public override Task<int> ExecuteAsync(CommandContext command, TicketNumberSettings settings, CancellationToken cancellationToken) =>
        CliErrors.RunAsync(context, async () =>
        {
            await using var session = CliSession.Open(context, settings, command);
            var now = session.Get<TimeProvider>().GetUtcNow();
            return await TicketUpdate.ApplyAsync(context, session, settings.Number, ticket =>
            {
                if (ticket.Status == TicketStatus.Open)
                {
                    throw new InvalidOperationException($"Ticket {ticket.Number} is already open.");
                }

                ticket.Status = TicketStatus.Open;
                ticket.ClosedAt = null;
                return [new TicketEvent { At = now, Kind = TicketEventKind.Reopened, Actor = TicketUpdate.Actor, Detail = "reopened" }];
            }, cancellationToken).ConfigureAwait(false);
        });
}
