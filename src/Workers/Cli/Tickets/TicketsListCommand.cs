using ContactCenter.Core.Storage;
using ContactCenter.Core.Tickets;
using Spectre.Console;
using Spectre.Console.Cli;

namespace ContactCenter.Workers.Cli.Tickets;

/// <summary><c>contactcenter tickets list</c>: the tickets matching the filters, with the service mode in the header.</summary>
internal sealed class TicketsListCommand(CliContext context) : AsyncCommand<TicketsListSettings>
{
    public override Task<int> ExecuteAsync(CommandContext command, TicketsListSettings settings, CancellationToken cancellationToken) =>
        CliErrors.RunAsync(context, async () =>
        {
            await using var session = CliSession.Open(context, settings, command);
            var store = session.Get<ITicketStore>();
            var now = session.Get<TimeProvider>().GetUtcNow();
            var mode = await store.GetModeAsync(cancellationToken).ConfigureAwait(false);
            var tickets = await store.QueryAsync(ToQuery(settings, now), cancellationToken).ConfigureAwait(false);
            var rows = tickets.Select(t => TicketRow.From(t, now)).ToList();
            if (settings.Json)
            {
                CliJson.Write(context.Output, new { mode, count = rows.Count, tickets = rows });
                return ExitCodes.Ok;
            }

            var modeMarkup = mode == ServiceMode.Emergency ? "[bold red]EMERGENCY[/]" : "[green]ordinary[/]";
            context.Console.MarkupLine($"Service mode: {modeMarkup} - {rows.Count} ticket(s)");
            context.Console.Write(Table(rows));
            return ExitCodes.Ok;
        });

    private static TicketQuery ToQuery(TicketsListSettings s, DateTimeOffset now) => new()
    {
        Status = s.Status is null ? null : Enum.Parse<TicketStatus>(s.Status, ignoreCase: true),
        ChannelName = s.Channel,
        OverdueAt = s.Overdue ? now : null,
        DueBefore = s.DueBefore is not null && CliDates.TryParse(s.DueBefore, out var due) ? due : null,
        Limit = s.Limit,
    };

    private static Table Table(List<TicketRow> rows)
    {
        var table = new Table().AddColumns("Number", "Received", "Channel", "Sender", "Subject", "Level", "Category", "Due", "Status");
        foreach (var r in rows)
        {
            var due = CliDates.Local(r.DueAt);
            table.AddRow(
                Markup.Escape(r.Number), CliDates.Local(r.ReceivedAt), Markup.Escape(r.ChannelName),
                Markup.Escape(r.SenderEmail ?? r.SenderName ?? ""), Markup.Escape(Shorten(r.Subject, 50)),
                r.Level == ServiceLevel.Second ? "2" : "1", Markup.Escape(r.Category),
                r.Overdue ? $"[red]{due}[/]" : r.Suspended ? $"[grey]{due} (suspended)[/]" : due,
                r.Status == TicketStatus.Open ? "open" : "[grey]closed[/]");
        }

        return table;
    }

    private static string Shorten(string text, int max) => text.Length <= max ? text : text[..(max - 1)] + "…";
}
