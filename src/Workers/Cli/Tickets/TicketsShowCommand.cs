using ContactCenter.Core.Storage;
using ContactCenter.Core.Tickets;
using Spectre.Console;
using Spectre.Console.Cli;

namespace ContactCenter.Workers.Cli.Tickets;

/// <summary><c>contactcenter tickets show NUMBER</c>: every field, messages and history included.</summary>
internal sealed class TicketsShowCommand(CliContext context) : AsyncCommand<TicketNumberSettings>
{
    public override Task<int> ExecuteAsync(CommandContext command, TicketNumberSettings settings, CancellationToken cancellationToken) =>
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

            if (settings.Json)
            {
                CliJson.Write(context.Output, ticket);
            }
            else
            {
                Print(ticket, CliDates.For(session));
            }

            return ExitCodes.Ok;
        });

    private void Print(Ticket t, CliDates dates)
    {
        var grid = new Grid().AddColumn().AddColumn();
        void Row(string name, string? value) => grid.AddRow($"[bold]{name}[/]", Markup.Escape(value ?? ""));
        Row("Number", t.Number);
        Row("Times in", dates.ZoneName);
        Row("Status", t.Status + (t.ClosedAt is { } closed ? $" ({dates.Format(closed)})" : ""));
        Row("Channel", $"{t.Channel} / {t.ChannelName}");
        Row("Received", dates.Format(t.ReceivedAt));
        Row("From", $"{t.Sender.DisplayName} <{t.Sender.Email}> {t.Sender.Phone} {t.Sender.Fax}".Trim());
        Row("Subject", t.Subject);
        Row("Level", $"{(int)t.Classification.Level} {t.Classification.Category} (rule {t.Classification.RuleName}{(t.Classification.IsCorrection ? ", corrected" : "")})");
        Row("Why", string.Join("; ", t.Classification.Matches));
        if (t.Classification.Model is { } model)
        {
            Row("Model", Classify.ModelText.Describe(model));
        }

        Row("Due", dates.Format(t.DueAt) + (t.IsSuspended ? $" (suspended, waiting for {t.Suspensions[^1].WaitingFor})" : ""));
        Row("Attachments", string.Join(", ", t.Attachments.Select(a => $"{a.FileName} ({a.Size} B)")));
        context.Console.Write(grid);
        context.Console.Write(new Panel(Markup.Escape(t.TextBody)).Header("Text"));
        if (t.Metadata.Count > 0)
        {
            var metadata = new Table().Title("Metadata").AddColumns("Key", "Value");
            foreach (var (key, value) in t.Metadata.OrderBy(m => m.Key, StringComparer.Ordinal))
            {
                metadata.AddRow(Markup.Escape(key), Markup.Escape(value));
            }

            context.Console.Write(metadata);
        }

        var history = new Table().Title($"History ({Markup.Escape(dates.ZoneName)})").AddColumns("At", "Event", "By", "Detail");
        foreach (var e in t.History)
        {
            history.AddRow(dates.Format(e.At), e.Kind.ToString(), Markup.Escape(e.Actor), Markup.Escape(e.Detail));
        }

        context.Console.Write(history);
    }
}
