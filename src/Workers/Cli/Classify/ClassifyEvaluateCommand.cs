using System.Globalization;
using ContactCenter.Core.Routing.Evaluation;
using ContactCenter.Core.Storage;
using Spectre.Console;
using Spectre.Console.Cli;

namespace ContactCenter.Workers.Cli.Classify;

/// <summary>
/// <c>contactcenter classify evaluate [--file LABELLED.json]</c>: the rules against a labelled set, or against the
/// backoffice's corrections (what the rules say now about each corrected ticket versus the correction).
/// </summary>
internal sealed class ClassifyEvaluateCommand(CliContext context) : AsyncCommand<ClassifyEvaluateSettings>
{
    public override Task<int> ExecuteAsync(CommandContext command, ClassifyEvaluateSettings settings, CancellationToken cancellationToken) =>
        CliErrors.RunAsync(context, async () =>
        {
            await using var session = CliSession.Open(context, settings, command);
            var requests = settings.File is not null
                ? (await LabelledSet.LoadFileAsync(settings.File, cancellationToken).ConfigureAwait(false)).Requests
                : await CorrectionsAsync(session.Get<ITicketStore>(), cancellationToken).ConfigureAwait(false);
            var report = session.Get<ClassificationEvaluator>().Evaluate(requests);
            if (settings.Json)
            {
                CliJson.Write(context.Output, new
                {
                    source = settings.File ?? "corrections",
                    report.Total, report.LevelCorrect, report.LevelAccuracy, report.CategoryCorrect, report.CategoryAccuracy,
                    levelMatrix = Matrix(report.LevelMatrix), categoryMatrix = Matrix(report.CategoryMatrix), report.Misses,
                });
                return ExitCodes.Ok;
            }

            context.Console.MarkupLine($"{report.Total} requests from {Markup.Escape(settings.File ?? "the store's corrected tickets")}");
            context.Console.MarkupLine($"Level accuracy: [bold]{report.LevelAccuracy.ToString("P1", CultureInfo.InvariantCulture)}[/] ({report.LevelCorrect}/{report.Total})");
            context.Console.MarkupLine($"Category accuracy: [bold]{report.CategoryAccuracy.ToString("P1", CultureInfo.InvariantCulture)}[/] ({report.CategoryCorrect}/{report.Total})");
            context.Console.Write(Table("Level (rows expected, columns predicted)", report.LevelMatrix));
            context.Console.Write(Table("Category (rows expected, columns predicted)", report.CategoryMatrix));
            return ExitCodes.Ok;
        });

    private static async Task<List<LabelledRequest>> CorrectionsAsync(ITicketStore store, CancellationToken cancellationToken)
    {
        var tickets = await store.QueryAsync(new TicketQuery(), cancellationToken).ConfigureAwait(false);
        return tickets.Where(t => t.Classification.IsCorrection).Select(LabelledRequest.FromTicket).ToList();
    }

    private static Dictionary<string, Dictionary<string, int>> Matrix(ConfusionMatrix matrix) =>
        matrix.Labels.ToDictionary(row => row, row => matrix.Labels.ToDictionary(col => col, col => matrix[row, col]));

    private static Table Table(string title, ConfusionMatrix matrix)
    {
        var table = new Table().Title(title).AddColumn("expected \\ predicted");
        foreach (var label in matrix.Labels)
        {
            table.AddColumn(new TableColumn(Markup.Escape(label)).RightAligned());
        }

        foreach (var row in matrix.Labels)
        {
            table.AddRow([Markup.Escape(row), .. matrix.Labels.Select(col => Cell(matrix[row, col], row == col))]);
        }

        return table;
    }

    private static string Cell(int count, bool diagonal) =>
        count == 0 ? "[grey]0[/]" : diagonal ? $"[green]{count}[/]" : $"[red]{count}[/]";
}
