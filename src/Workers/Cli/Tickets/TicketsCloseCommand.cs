using ContactCenter.Core.Tickets;
using Spectre.Console.Cli;

namespace ContactCenter.Workers.Cli.Tickets;

/// <summary><c>contactcenter tickets close NUMBER [--reason]</c>: the request is answered.</summary>
internal sealed class TicketsCloseCommand(CliContext context) : AsyncCommand<TicketsCloseSettings>
{
    public override Task<int> ExecuteAsync(CommandContext command, TicketsCloseSettings settings, CancellationToken cancellationToken) =>
        CliErrors.RunAsync(context, async () =>
        {
            await using var session = CliSession.Open(context, settings, command);
            var now = session.Get<TimeProvider>().GetUtcNow();
            return await TicketUpdate.ApplyAsync(context, session, settings.Number, ticket =>
            {
                if (ticket.Status == TicketStatus.Closed)
                {
                    throw new InvalidOperationException($"Ticket {ticket.Number} is already closed.");
                }

                ticket.Status = TicketStatus.Closed;
                ticket.ClosedAt = now;
                if (ticket.IsSuspended)
                {
                    ticket.Suspensions[^1].Until = now;
                }

                return [new TicketEvent { At = now, Kind = TicketEventKind.Closed, Actor = TicketUpdate.Actor, Detail = settings.Reason ?? "closed" }];
            }, cancellationToken).ConfigureAwait(false);
        });
}
