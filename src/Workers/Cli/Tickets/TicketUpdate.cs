using ContactCenter.Core.Storage;
using ContactCenter.Core.Tickets;
using Spectre.Console;

namespace ContactCenter.Workers.Cli.Tickets;

/// <summary>Applies one backoffice change through the store and reports it.</summary>
internal static class TicketUpdate
{
    public static string Actor => $"cli:{Environment.UserName}";

    /// <summary>
    /// <paramref name="change"/> returns the events of the change (or throws <see cref="InvalidOperationException"/> when
    /// it does not apply). The store appends one event per update, so the earlier ones go straight into the history.
    /// </summary>
    public static async Task<int> ApplyAsync(CliContext context, CliSession session, string number,
        Func<Ticket, IReadOnlyList<TicketEvent>> change, CancellationToken cancellationToken)
    {
        Ticket? updated;
        try
        {
            updated = await session.Get<ITicketStore>().UpdateAsync(number.Trim().ToUpperInvariant(), ticket =>
            {
                var events = change(ticket);
                ticket.History.AddRange(events.Take(events.Count - 1));
                return events[^1];
            }, cancellationToken).ConfigureAwait(false);
        }
        catch (InvalidOperationException ex)
        {
            await context.Error.WriteLineAsync(ex.Message).ConfigureAwait(false);
            return ExitCodes.Failure;
        }

        if (updated is null)
        {
            await context.Error.WriteLineAsync($"No ticket {number}.").ConfigureAwait(false);
            return ExitCodes.Failure;
        }

        var last = updated.History[^1];
        context.Console.MarkupLine($"[green]{Markup.Escape(updated.Number)}[/]: {last.Kind} - {Markup.Escape(last.Detail)}");
        return ExitCodes.Ok;
    }
}
