using Spectre.Console;
using Spectre.Console.Cli;

namespace ContactCenter.Workers.Cli.Quarantine;

/// <summary><c>contactcenter quarantine list [--all]</c>.</summary>
internal sealed class QuarantineListCommand(CliContext context) : AsyncCommand<QuarantineListSettings>
{
    public override Task<int> ExecuteAsync(CommandContext command, QuarantineListSettings settings, CancellationToken cancellationToken) =>
        CliErrors.RunAsync(context, async () =>
        {
            await using var session = CliSession.Open(context, settings, command);
            await using var client = await BackofficeConnector.ConnectAsync(session, cancellationToken).ConfigureAwait(false);
            var records = await client.ListQuarantineAsync(settings.All, cancellationToken).ConfigureAwait(false);
            if (settings.Json)
            {
                CliJson.Write(context.Output, records);
                return ExitCodes.Ok;
            }

            context.Console.MarkupLine($"{records.Count} quarantined item(s){(settings.All ? "" : " waiting for an admin")}");
            var dates = CliDates.For(session);
            var table = new Table().AddColumns("Id", "At", "Channel", "Status", "Reason", "Original");
            foreach (var r in records)
            {
                table.AddRow(r.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), dates.Format(r.At), Markup.Escape(r.ChannelName),
                    r.Status.ToString(), Markup.Escape(r.Reason.Length > 80 ? r.Reason[..79] + "…" : r.Reason),
                    Markup.Escape(r.Original is { } o ? $"{o.FileName} ({o.Size} B)" : "(not archived)"));
            }

            context.Console.Write(table);
            return ExitCodes.Ok;
        });
}
