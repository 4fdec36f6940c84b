using System.Globalization;
using ContactCenter.Core.Pipeline;
using Spectre.Console;

namespace ContactCenter.Workers.Cli.Ingest;

internal static class IngestSummaryTable
{
    public static Table Build(IReadOnlyList<PollSummary> summaries)
    {
        var table = new Table().Border(TableBorder.Minimal).Title("Ingest")
            .AddColumn(new TableColumn("Channel").NoWrap())
            .AddColumns("Fetched", "New", "Follow-up", "Auto", "Dup", "Quarantined", "Spam", "Known", "Time", "Result");
        foreach (var s in summaries)
        {
            table.AddRow(
                Markup.Escape(s.Channel), N(s.Fetched), N(s.Created), N(s.FollowUps), N(s.AutoMail), N(s.Duplicates),
                s.Quarantined > 0 ? $"[yellow]{s.Quarantined}[/]" : "0", N(s.Spam), N(s.AlreadyStored),
                s.Duration.TotalSeconds.ToString("0.0s", CultureInfo.InvariantCulture),
                s.Succeeded ? "[green]ok[/]" : "[red]" + Markup.Escape(s.Failed!) + "[/]");
        }

        if (summaries.Count == 0)
        {
            table.Caption("No channel is enabled under ContactCenter:Channels.");
        }
        else
        {
            table.Caption("New: tickets opened; Auto: automatic mail; Dup: duplicates; Spam: held as spam, no ticket; Known: stored before, now acknowledged.");
        }

        return table;
    }

    private static string N(int value) => value.ToString(CultureInfo.InvariantCulture);
}
