using ContactCenter.Workers.Backoffice;
using Spectre.Console;
using Spectre.Console.Cli;

namespace ContactCenter.Workers.Cli.Tickets;

/// <summary>
/// <c>contactcenter tickets open --channel phone --caller NUMBER --subject ... --text ...</c>: registers a call that
/// could not be answered at once, through the running service or the store like every ticket verb. The request has
/// an id: a request whose answer was lost is sent again with the same id, and finds the ticket it opened.
/// </summary>
internal sealed class TicketsOpenCommand(CliContext context) : AsyncCommand<TicketsOpenSettings>
{
    private const int Attempts = 3;

    public override Task<int> ExecuteAsync(CommandContext command, TicketsOpenSettings settings, CancellationToken cancellationToken) =>
        CliErrors.RunAsync(context, async () =>
        {
            await using var session = CliSession.Open(context, settings, command);
            var request = new TicketOpenRequest
            {
                Channel = settings.Channel,
                RequestId = settings.RequestId ?? Guid.NewGuid().ToString("N"),
                Caller = settings.Caller,
                Name = settings.Name,
                Email = settings.Email,
                Subject = settings.Subject,
                Text = settings.Text,
                Operator = string.IsNullOrWhiteSpace(settings.Operator) ? CliActor.Current : settings.Operator.Trim(),
            };
            var result = await OpenAsync(session, request, cancellationToken).ConfigureAwait(false);
            Report(result, CliDates.For(session), settings.Json);
            return ExitCodes.Of(result.Outcome);
        });

    private static async Task<TicketOpenResult> OpenAsync(CliSession session, TicketOpenRequest request, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await using var client = await BackofficeConnector.ConnectAsync(session, cancellationToken).ConfigureAwait(false);
                return await client.OpenTicketAsync(request, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception ex) when (attempt < Attempts
                                       && (ex is HttpRequestException || (ex is TaskCanceledException && !cancellationToken.IsCancellationRequested)))
            {
                // The service may have stored the ticket and lost the answer: the same request id finds it.
                await Task.Delay(TimeSpan.FromSeconds(attempt), cancellationToken).ConfigureAwait(false);
            }
        }
    }

    private void Report(TicketOpenResult result, CliDates dates, bool json)
    {
        if (json)
        {
            CliJson.Write(context.Output, result);
            return;
        }

        if (result.Ticket is not { } ticket)
        {
            context.Error.WriteLine(result.Message);
            return;
        }

        var what = result.AlreadyRegistered ? "already registered" : "opened";
        context.Console.MarkupLine(
            $"[green]{Markup.Escape(ticket.Number)}[/] {what}: level {(int)ticket.Classification.Level} {Markup.Escape(ticket.Classification.Category)}, " +
            $"due {Markup.Escape(dates.Format(ticket.DueAt))} (request id {Markup.Escape(result.RequestId ?? "")})");
    }
}
