using ContactCenter.Core.Storage;
using ContactCenter.Workers.Backoffice;
using Spectre.Console;
using Spectre.Console.Cli;

namespace ContactCenter.Workers.Cli.Status;

/// <summary>
/// <c>contactcenter status</c>: per channel the last successful poll, the last error and today's items (from the running
/// service), tickets and the last one (from the store); quarantine and outbox sizes, store size and mode.
/// </summary>
internal sealed class StatusCommand(CliContext context) : AsyncCommand<JsonSettings>
{
    public override Task<int> ExecuteAsync(CommandContext command, JsonSettings settings, CancellationToken cancellationToken) =>
        CliErrors.RunAsync(context, async () =>
        {
            await using var session = CliSession.Open(context, settings, command, Microsoft.Extensions.Logging.LogLevel.Warning);
            await using var client = await BackofficeConnector.ConnectAsync(session, cancellationToken).ConfigureAwait(false);
            var report = await ReadAsync(client, cancellationToken).ConfigureAwait(false);
            if (settings.Json)
            {
                CliJson.Write(context.Output, report);
                return ExitCodes.Ok;
            }

            Print(report, client.Description, CliDates.For(session));
            return ExitCodes.Ok;
        });

    private static async Task<ServiceStatusReport> ReadAsync(IBackofficeClient client, CancellationToken cancellationToken)
    {
        try
        {
            return await client.GetStatusAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (ServiceProblemException ex) when (ex.Type == Control.ControlProblems.ServiceErrorType)
        {
            // The running service could not read its store (the database down, its volume full); /health answers from
            // what the service holds in memory, channels and store alike.
            throw new IOException($"{ex.Message}. The service's view of its channels and store, read without the store: contactcenter health", ex);
        }
    }

    private void Print(ServiceStatusReport r, string via, CliDates dates)
    {
        var console = context.Console;
        console.MarkupLine(r.ServiceRunning
            ? $"Service: [green]running[/]{(r.Version.Length > 0 ? ", version " + Markup.Escape(r.Version) : "")} ({Markup.Escape(via)})"
            : "Service: [yellow]not running[/] (figures read from the store; poll figures need the running service)");
        console.MarkupLine($"Mode: {(r.Mode == ServiceMode.Emergency ? "[bold red]EMERGENCY[/]" : "[green]ordinary[/]")}");
        console.MarkupLine($"Store: {Markup.Escape(r.Store.Length > 0 ? r.Store : r.StorePath)} ({StatusFormat.Bytes(r.StoreBytes)}), {r.Tickets} ticket(s), {r.OpenTickets} open" +
            (r.OverdueTickets > 0 ? $", [red]{r.OverdueTickets} overdue[/] (tickets list --overdue)" : "") +
            (r.TicketsToReview > 0 ? $", [yellow]{r.TicketsToReview} to review[/] (tickets list --review)" : ""));
        if (r.Disk.Count > 0)
        {
            console.MarkupLine("Disk: " + string.Join(", ", r.Disk.Select(d => $"{d.Folder} {StatusFormat.Bytes(d.FreeBytes)} free")));
        }

        if (r.LastBackup is { } b)
        {
            console.MarkupLine($"Backup: last run {dates.Format(b.LastRunAt)} to {Markup.Escape(b.Folder)}, " +
                (b.LastRunComplete ? "[green]complete[/]" : $"[red]incomplete ({b.Problems} problem(s))[/], last complete " +
                    (b.LastCompleteAt is { } complete ? $"{StatusFormat.Age(r.At - complete)} ago" : "never")));
        }

        console.MarkupLine($"Quarantine: {StatusFormat.Count(r.QuarantinePending, "item(s) waiting for an admin")}");
        console.MarkupLine($"Outbox: {StatusFormat.Count(r.OutboxPending, "receipt(s) not yet sent")}" +
            (r.OutboxOldestAt is { } oldest ? $", oldest {StatusFormat.Age(r.At - oldest)} old" : ""));
        foreach (var w in r.Webhooks)
        {
            console.MarkupLine($"Webhook {Markup.Escape(w.Webhook)}: {StatusFormat.Count(w.Pending, "event(s) not yet delivered")}" +
                (w.OldestPendingAt is { } first ? $", oldest {StatusFormat.Age(r.At - first)} old" : "") +
                $", {w.Delivered} delivered" + (w.Abandoned > 0 ? $", [red]{w.Abandoned} abandoned[/]" : "") +
                (w.LastError is null ? "" : $", last error: [red]{Markup.Escape(w.LastError)}[/]"));
        }

        var table = new Table().AddColumns("Channel", "Type", "Last success", "Last error", "Failing since", "Items today", "Tickets", "Open", "Overdue", "Last ticket");
        foreach (var c in r.Channels)
        {
            table.AddRow(
                Markup.Escape(c.Name) + (c.Configured ? "" : " [grey](not configured)[/]"),
                Markup.Escape(c.Type ?? ""),
                r.ServiceRunning ? dates.Format(c.LastSuccessAt) : "[grey]n/a[/]",
                c.LastError is null ? "" : $"[red]{Markup.Escape(dates.Format(c.LastErrorAt) + " " + c.LastError)}[/]",
                c.FailingSince is { } since ? $"[red]{dates.Format(since)}[/]" : "",
                c.ItemsToday?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "[grey]n/a[/]",
                c.Tickets.ToString(System.Globalization.CultureInfo.InvariantCulture),
                c.OpenTickets.ToString(System.Globalization.CultureInfo.InvariantCulture),
                c.OverdueTickets > 0 ? $"[red]{c.OverdueTickets.ToString(System.Globalization.CultureInfo.InvariantCulture)}[/]" : "0",
                c.LastTicketNumber is null ? "" : $"{Markup.Escape(c.LastTicketNumber)} ({dates.Format(c.LastTicketAt)})");
        }

        console.Write(table);
        StatusNodes.Print(console, r.ClusterNodes);

        foreach (var c in r.Channels.Where(c => c.Node is not null))
        {
            console.MarkupLine($"Channel {Markup.Escape(c.Name)} held by node {Markup.Escape(c.Node!)}");
        }

        foreach (var c in r.Channels.Where(c => c.MailboxQuota is not null))
        {
            console.MarkupLine(Markup.Escape($"Mailbox {c.Name}: {c.MailboxQuota!.Describe()}"));
        }

        foreach (var c in r.Channels.Where(c => c.OAuth2 is not null))
        {
            var line = Markup.Escape($"{c.Name}: {c.OAuth2!.Describe()}");
            console.MarkupLine(c.OAuth2.LastError is null ? line : $"[red]{line}[/]");
        }
    }
}
