using ContactCenter.Core.Storage;
using ContactCenter.Core.Tickets;
using Spectre.Console;
using Spectre.Console.Cli;

namespace ContactCenter.Workers.Cli.Tickets;

/// <summary><c>contactcenter tickets show NUMBER</c>: every field, messages and history included.</summary>
internal sealed class TicketsShowCommand(CliContext context) : AsyncCommand<TicketNumberSettings>
{
    public override Task<int> ExecuteAsync(CommandContext command, TicketNumberSettings settings, CancellationToken cancellationToken) =>
        TicketRead.RunAsync(context, command, settings, (session, _, ticket) =>
        {
            if (settings.Json)
            {
                CliJson.Write(context.Output, ticket);
            }
            else
            {
                Print(ticket, CliDates.For(session));
            }

            return Task.FromResult(ExitCodes.Ok);
        }, cancellationToken);

    private void Print(Ticket t, CliDates dates)
    {
        var grid = new Grid().AddColumn().AddColumn();
        foreach (var (name, value) in TicketDetailRows.Of(t, dates))
        {
            grid.AddRow($"[bold]{name}[/]", Markup.Escape(value));
        }

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

        // The first message is the ticket itself; what came after it (follow-ups, auto-replies) is listed, not hidden.
        if (t.Messages.Count > 1)
        {
            var messages = new Table().Title("Messages").AddColumns("At", "Kind", "Channel", "From", "Subject");
            foreach (var m in t.Messages.Skip(1))
            {
                messages.AddRow(dates.Format(m.ReceivedAt), m.Kind + (m.FromDifferentSender ? " (different sender)" : ""),
                    Markup.Escape(m.ChannelName), Markup.Escape(TicketDetailRows.PartyText(m.From)), Markup.Escape(m.Subject));
            }

            context.Console.Write(messages);
        }

        var history = new Table().Title($"History ({Markup.Escape(dates.ZoneName)})").AddColumns("At", "Event", "By", "Detail");
        foreach (var e in t.History)
        {
            history.AddRow(dates.Format(e.At), e.Kind.ToString(), Markup.Escape(e.Actor), Markup.Escape(e.Detail));
        }

        context.Console.Write(history);
    }
}
