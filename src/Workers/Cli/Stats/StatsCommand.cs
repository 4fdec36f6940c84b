using System.Globalization;
using ContactCenter.Core.Statistics;
using ContactCenter.Workers.Statistics;
using ContactCenter.Core.Sla;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;
using Spectre.Console;
using Spectre.Console.Cli;

namespace ContactCenter.Workers.Cli.Stats;

/// <summary>
/// <c>contactcenter stats [--from DATE] [--to DATE] [--json] [--html DIR]</c>: received, open and answered requests per
/// channel, level, category and month, overdue ones, and the median and 90th percentile times to receipt and closure.
/// </summary>
internal sealed class StatsCommand(CliContext context) : AsyncCommand<StatsSettings>
{
    public const string TitleKey = "ContactCenter:Statistics:Title";

    public override Task<int> ExecuteAsync(CommandContext command, StatsSettings settings, CancellationToken cancellationToken) =>
        CliErrors.RunAsync(context, async () =>
        {
            await using var session = CliSession.Open(context, settings, command);
            await using var client = await BackofficeConnector.ConnectAsync(session, cancellationToken).ConfigureAwait(false);
            var stats = await client.GetStatisticsAsync(settings.FromDate, settings.ToDate, cancellationToken).ConfigureAwait(false);
            if (settings.Html is { } folder)
            {
                var title = session.Configuration[TitleKey] ?? "Richieste al contact center della Protezione civile";
                var zone = TimeZoneInfo.FindSystemTimeZoneById(session.Get<IOptions<SlaOptions>>().Value.TimeZone);
                var page = await StatisticsPageWriter.WriteAsync(stats, Path.GetFullPath(folder), title, zone, cancellationToken).ConfigureAwait(false);
                await context.Error.WriteLineAsync($"Public page written to {page}").ConfigureAwait(false);
            }

            if (settings.Json)
            {
                CliJson.Write(context.Output, stats);
            }
            else
            {
                Print(stats);
            }

            return ExitCodes.Ok;
        });

    private void Print(TicketStatistics s)
    {
        var console = context.Console;
        var period = s.From is null && s.To is null ? "all time" : $"{s.From?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "…"} to {s.To?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "…"}";
        console.MarkupLine($"Period: {period}; received {s.Total.Received}, open {s.Total.Open}, answered {s.Total.Closed} " +
            $"({s.Total.ClosedOnTime} on time), overdue [red]{s.Total.Overdue}[/]; spam held {s.Spam} (not counted as requests)");
        console.MarkupLine($"Time to receipt: {Durations(s.TimeToReceipt)}; time to closure (from the request answered, suspensions not counted): {Durations(s.TimeToClosure)}");
        foreach (var (title, rows) in new[] { ("Channel", s.ByChannel), ("Level", s.ByLevel), ("Category", s.ByCategory), ("Month", s.ByMonth) })
        {
            var table = new Table().AddColumns(title, "Received", "Open", "Answered", "On time", "Overdue");
            foreach (var r in rows)
            {
                table.AddRow(Markup.Escape(r.Key), N(r.Received), N(r.Open), N(r.Closed), N(r.ClosedOnTime), r.Overdue > 0 ? $"[red]{r.Overdue}[/]" : "0");
            }

            console.Write(table);
        }
    }

    private static string N(int value) => value.ToString(CultureInfo.InvariantCulture);

    private static string Durations(DurationSummary d) =>
        d.Count == 0 ? "n/a" : $"median {Status.StatusFormat.Age(d.Median!.Value)}, 90% within {Status.StatusFormat.Age(d.Percentile90!.Value)} ({d.Count})";
}
