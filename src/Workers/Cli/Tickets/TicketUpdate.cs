using ContactCenter.Workers.Backoffice;
using Spectre.Console;

namespace ContactCenter.Workers.Cli.Tickets;

/// <summary>Applies one backoffice act through the running service or the store (<see cref="BackofficeConnector"/>) and reports it.</summary>
internal static class TicketUpdate
{
    public static string Actor => CliActor.Current;

    public static async Task<int> ApplyAsync(CliContext context, CliSession session, string number, TicketAction action, TicketChange change,
        CancellationToken cancellationToken)
    {
        await using var client = await BackofficeConnector.ConnectAsync(session, cancellationToken).ConfigureAwait(false);
        var result = await client.ChangeTicketAsync(number.Trim().ToUpperInvariant(), action, change with { Actor = Actor }, cancellationToken)
            .ConfigureAwait(false);
        switch (result.Outcome)
        {
            case BackofficeOutcome.Done:
                var last = result.Ticket!.History[^1];
                context.Console.MarkupLine($"[green]{Markup.Escape(result.Ticket.Number)}[/]: {last.Kind} - {Markup.Escape(last.Detail)}");
                return ExitCodes.Ok;
            case BackofficeOutcome.Invalid:
                await context.Error.WriteLineAsync(result.Message).ConfigureAwait(false);
                return ExitCodes.BadUsage;
            default:
                await context.Error.WriteLineAsync(result.Message).ConfigureAwait(false);
                return ExitCodes.Failure;
        }
    }
}
