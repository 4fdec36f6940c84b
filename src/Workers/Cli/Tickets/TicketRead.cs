using ContactCenter.Core.Tickets;
using ContactCenter.Workers.Backoffice;
using Spectre.Console.Cli;

namespace ContactCenter.Workers.Cli.Tickets;

/// <summary>
/// The start of a verb that reads one ticket (<c>show</c>, <c>save</c>): through the running service or the store
/// (<see cref="BackofficeConnector"/>), "No ticket N." and exit 1 when there is none, else the verb's own work.
/// </summary>
internal static class TicketRead
{
    public static Task<int> RunAsync(CliContext context, CommandContext command, TicketNumberSettings settings,
        Func<CliSession, IBackofficeClient, Ticket, Task<int>> work, CancellationToken cancellationToken) =>
        CliErrors.RunAsync(context, async () =>
        {
            await using var session = CliSession.Open(context, settings, command);
            await using var client = await BackofficeConnector.ConnectAsync(session, cancellationToken).ConfigureAwait(false);
            var ticket = await client.GetTicketAsync(settings.Number.Trim().ToUpperInvariant(), cancellationToken).ConfigureAwait(false);
            if (ticket is null)
            {
                await context.Error.WriteLineAsync($"No ticket {settings.Number}.").ConfigureAwait(false);
                return ExitCodes.Failure;
            }

            return await work(session, client, ticket).ConfigureAwait(false);
        });
}
