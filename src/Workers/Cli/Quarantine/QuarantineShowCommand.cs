using Spectre.Console;
using Spectre.Console.Cli;

namespace ContactCenter.Workers.Cli.Quarantine;

/// <summary><c>contactcenter quarantine show ID</c>: the reason, the source and where the original is archived.</summary>
internal sealed class QuarantineShowCommand(CliContext context) : AsyncCommand<QuarantineIdSettings>
{
    public override Task<int> ExecuteAsync(CommandContext command, QuarantineIdSettings settings, CancellationToken cancellationToken) =>
        CliErrors.RunAsync(context, async () =>
        {
            await using var session = CliSession.Open(context, settings, command);
            await using var client = await BackofficeConnector.ConnectAsync(session, cancellationToken).ConfigureAwait(false);
            var r = await client.GetQuarantineAsync(settings.Id, cancellationToken).ConfigureAwait(false);
            if (r is null)
            {
                await context.Error.WriteLineAsync($"No quarantined item {settings.Id}.").ConfigureAwait(false);
                return ExitCodes.Failure;
            }

            if (settings.Json)
            {
                CliJson.Write(context.Output, r);
                return ExitCodes.Ok;
            }

            var dates = CliDates.For(session);
            var grid = new Grid().AddColumn().AddColumn();
            void Row(string name, string? value) => grid.AddRow($"[bold]{name}[/]", Markup.Escape(value ?? ""));
            Row("Id", r.Id.ToString(System.Globalization.CultureInfo.InvariantCulture));
            Row("Status", r.Status.ToString());
            Row("At", dates.Format(r.At));
            Row("Channel", $"{r.ChannelName} ({r.Channel})");
            Row("Source", r.SourceKey);
            Row("Reason", r.Reason);
            Row("Original", r.Original is { } o ? $"{o.FileName}, {o.ContentType}, {o.Size} B, sha256 {o.Sha256}" : "(not archived)");
            Row("Resolved", r.ResolvedAt is null ? "" : dates.Format(r.ResolvedAt));
            Row("Note", r.ResolutionNote);
            Row("Ticket", r.ResultTicketNumber);
            context.Console.Write(grid);
            return ExitCodes.Ok;
        });
}
