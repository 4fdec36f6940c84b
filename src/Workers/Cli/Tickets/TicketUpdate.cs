using ContactCenter.Workers.Backoffice;
using Spectre.Console;
using Spectre.Console.Cli;

namespace ContactCenter.Workers.Cli.Tickets;

/// <summary>
/// The whole of a ticket act's verb: applies one backoffice act through the running service or the store
/// (<see cref="BackofficeConnector"/>) and reports it.
/// </summary>
internal static class TicketUpdate
{
    public static Task<int> RunAsync(CliContext context, CommandContext command, TicketNumberSettings settings, TicketAction action,
        TicketChange change, CancellationToken cancellationToken) =>
        CliErrors.RunAsync(context, async () =>
        {
            await using var session = CliSession.Open(context, settings, command);
            return await ApplyAsync(context, session, settings.Number, action, change, cancellationToken).ConfigureAwait(false);
        });

    private static async Task<int> ApplyAsync(CliContext context, CliSession session, string number, TicketAction action, TicketChange change,
        CancellationToken cancellationToken)
    {
        await using var client = await BackofficeConnector.ConnectAsync(session, cancellationToken).ConfigureAwait(false);
        var result = await client.ChangeTicketAsync(number.Trim().ToUpperInvariant(), action, change with { Actor = CliActor.Current }, cancellationToken)
            .ConfigureAwait(false);
        if (result.Outcome == BackofficeOutcome.Done)
        {
            var last = result.Ticket!.History[^1];
            context.Console.MarkupLine($"[green]{Markup.Escape(result.Ticket.Number)}[/]: {last.Kind} - {Markup.Escape(last.Detail)}");
        }
        else
        {
            await context.Error.WriteLineAsync(result.Message).ConfigureAwait(false);
        }

        return ExitCodes.Of(result.Outcome);
    }
}
