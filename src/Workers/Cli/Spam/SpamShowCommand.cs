using Spectre.Console;
using Spectre.Console.Cli;

namespace ContactCenter.Workers.Cli.Spam;

/// <summary><c>contactcenter spam show ID</c>.</summary>
internal sealed class SpamShowCommand(CliContext context) : AsyncCommand<SpamIdSettings>
{
    public override Task<int> ExecuteAsync(CommandContext command, SpamIdSettings settings, CancellationToken cancellationToken) =>
        CliErrors.RunAsync(context, async () =>
        {
            await using var session = CliSession.Open(context, settings, command);
            await using var client = await BackofficeConnector.ConnectAsync(session, cancellationToken).ConfigureAwait(false);
            if (await client.GetSpamAsync(settings.Id, cancellationToken).ConfigureAwait(false) is not { } record)
            {
                await context.Error.WriteLineAsync($"No spam item {settings.Id}.").ConfigureAwait(false);
                return ExitCodes.Of(Backoffice.BackofficeOutcome.NotFound);
            }

            if (settings.Json)
            {
                CliJson.Write(context.Output, record);
                return ExitCodes.Ok;
            }

            var dates = CliDates.For(session);
            var table = new Table().AddColumns("Field", "Value");
            table.AddRow("Status", record.Status.ToString());
            table.AddRow("Channel", Markup.Escape(record.ChannelName));
            table.AddRow("Received", dates.Format(record.ReceivedAt));
            table.AddRow("Held", dates.Format(record.At));
            table.AddRow("From", Markup.Escape(record.Sender ?? "-"));
            table.AddRow("Subject", Markup.Escape(record.Subject));
            foreach (var (key, value) in record.Verdict.OrderBy(v => v.Key, StringComparer.Ordinal))
            {
                table.AddRow(Markup.Escape(key), Markup.Escape(value));
            }

            table.AddRow("Original", Markup.Escape(record.Original is { } o ? $"{o.FileName} ({o.Size} B, sha256 {o.Sha256})" : "(not archived)"));
            if (record.ResolvedBy is not null)
            {
                table.AddRow("Resolved", Markup.Escape($"{record.ResolvedBy}, ticket {record.ResultTicketNumber ?? "-"}, {record.LearnNote ?? "rspamd not asked"}"));
            }

            context.Console.Write(table);
            return ExitCodes.Ok;
        });
}
