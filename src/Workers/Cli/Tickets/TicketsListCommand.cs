using ContactCenter.Core.Storage;
using ContactCenter.Core.Tickets;
using ContactCenter.Workers.Backoffice;
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
            await using var client = await BackofficeConnector.ConnectAsync(session, cancellationToken).ConfigureAwait(false);
            var now = session.Get<TimeProvider>().GetUtcNow();
            var dates = CliDates.For(session);
            var mode = await client.GetModeAsync(cancellationToken).ConfigureAwait(false);
            IReadOnlyList<Ticket> tickets;
            try
            {
                tickets = await client.ListTicketsAsync(ToFilter(settings, dates), cancellationToken).ConfigureAwait(false);
            }
            catch (UnknownTicketException)
            {
                await context.Error.WriteLineAsync($"--after: no ticket {settings.After}.").ConfigureAwait(false);
                return ExitCodes.Failure;
            }

            var rows = tickets.Select(t => TicketRow.From(t, now)).ToList();
            var limited = TicketFilter.IsCut(settings.Limit, rows.Count);
            var next = TicketFilter.MayHaveMore(settings.Limit, rows.Count) ? rows[^1].Number : null;
            if (settings.Json)
            {
                CliJson.Write(context.Output, new { mode, count = rows.Count, limited, next, tickets = rows });
                return ExitCodes.Ok;
            }

            var modeMarkup = mode == ServiceMode.Emergency ? "[bold red]EMERGENCY[/]" : "[green]ordinary[/]";
            context.Console.MarkupLine($"Service mode: {modeMarkup} - {rows.Count} ticket(s) (due dates in red are overdue, * suspended; review: flagged for an operator's look)");
            context.Console.Write(Table(rows, dates));
            if (next is not null)
            {
                context.Console.MarkupLine(limited
                    ? $"[yellow]The first {TicketFilter.DefaultListLimit} ({(settings.Newest ? "the latest arrivals" : "by arrival")}) only[/]: the next page with {NextPage(settings, next)}, or narrow with filters."
                    : $"[yellow]There may be more[/]: the next page with {NextPage(settings, next)}.");
            }

            return ExitCodes.Ok;
        });

    private static string NextPage(TicketsListSettings settings, string next) => settings.Newest ? $"--newest --after {next}" : $"--after {next}";

    private static TicketFilter ToFilter(TicketsListSettings s, CliDates dates) => new()
    {
        Status = s.Status is null ? null : Enum.Parse<TicketStatus>(s.Status, ignoreCase: true),
        Channel = s.Channel,
        Overdue = s.Overdue,
        DueBefore = s.DueBefore is not null && dates.TryParse(s.DueBefore, out var due) ? due : null,
        Review = s.Review,
        Sender = s.Sender,
        Limit = s.Limit ?? TicketFilter.DefaultListLimit,
        ReceivedFrom = s.ReceivedFrom is not null && dates.TryParse(s.ReceivedFrom, out var from) ? from : null,
        ReceivedBefore = s.ReceivedBefore is not null && dates.TryParse(s.ReceivedBefore, out var before) ? before : null,
        After = s.After?.Trim().ToUpperInvariant(),
        NewestFirst = s.Newest,
    };

    /// <summary>The essentials; the received time, channel and everything else are in <c>show</c> and <c>--json</c>.</summary>
    private static Table Table(List<TicketRow> rows, CliDates dates)
    {
        var table = new Table().Border(TableBorder.Minimal)
            .AddColumn(new TableColumn("Number").NoWrap())
            .AddColumn(new TableColumn("Due").NoWrap())
            .AddColumns("Lvl", "Category", "Sender", "Subject", "Status");
        foreach (var r in rows)
        {
            var due = dates.FormatDate(r.DueAt);
            table.AddRow(
                Markup.Escape(r.Number),
                r.Overdue ? $"[red]{due}[/]" : r.Suspended ? $"[grey]{due}*[/]" : due,
                r.Level == ServiceLevel.Second ? "2" : "1", Markup.Escape(r.Category),
                Markup.Escape(Shorten(r.SenderEmail ?? r.SenderName ?? "", 30)), Markup.Escape(Shorten(r.Subject, 48)),
                (r.Status == TicketStatus.Open ? "open" : "[grey]closed[/]") + (r.NeedsReview ? " [yellow]review[/]" : ""));
        }

        return table;
    }

    private static string Shorten(string text, int max) => text.Length <= max ? text : text[..(max - 1)] + "…";
}
