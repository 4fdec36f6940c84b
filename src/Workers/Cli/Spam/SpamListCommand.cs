using System.Globalization;
using Spectre.Console;
using Spectre.Console.Cli;

namespace ContactCenter.Workers.Cli.Spam;

/// <summary><c>contactcenter spam list [--all]</c>.</summary>
internal sealed class SpamListCommand(CliContext context) : AsyncCommand<SpamListSettings>
{
    public override Task<int> ExecuteAsync(CommandContext command, SpamListSettings settings, CancellationToken cancellationToken) =>
        CliErrors.RunAsync(context, async () =>
        {
            await using var session = CliSession.Open(context, settings, command);
            await using var client = await BackofficeConnector.ConnectAsync(session, cancellationToken).ConfigureAwait(false);
            var records = await client.ListSpamAsync(settings.All, cancellationToken).ConfigureAwait(false);
            if (settings.Json)
            {
                CliJson.Write(context.Output, records);
                return ExitCodes.Ok;
            }

            context.Console.MarkupLine($"{records.Count} spam item(s){(settings.All ? "" : " held")}");
            var dates = CliDates.For(session);
            var table = new Table().AddColumns("Id", "Received", "Channel", "Status", "Score", "From", "Subject");
            foreach (var r in records)
            {
                table.AddRow(r.Id.ToString(CultureInfo.InvariantCulture), dates.Format(r.ReceivedAt), Markup.Escape(r.ChannelName), r.Status.ToString(),
                    r.Score?.ToString("0.##", CultureInfo.InvariantCulture) ?? "-", Markup.Escape(r.Sender ?? "-"),
                    Markup.Escape(r.Subject.Length > 60 ? r.Subject[..59] + "…" : r.Subject));
            }

            context.Console.Write(table);
            return ExitCodes.Ok;
        });
}
