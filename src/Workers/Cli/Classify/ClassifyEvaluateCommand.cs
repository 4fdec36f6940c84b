using System.Globalization;
using ContactCenter.Ml;
using ContactCenter.Core.Routing.Evaluation;
using ContactCenter.Workers.Backoffice;
using Spectre.Console;
using Spectre.Console.Cli;

namespace ContactCenter.Workers.Cli.Classify;

/// <summary>
/// <c>contactcenter classify evaluate [--file LABELLED.json] [--train TRAINING.json]</c>: the classifier the
/// configuration sets up (rules alone, its model alone, both combined) against a labelled set or the backoffice's
/// corrections, and optionally k-fold cross-validation on a training set.
/// </summary>
internal sealed class ClassifyEvaluateCommand(CliContext context) : AsyncCommand<ClassifyEvaluateSettings>
{
    public override Task<int> ExecuteAsync(CommandContext command, ClassifyEvaluateSettings settings, CancellationToken cancellationToken) =>
        CliErrors.RunAsync(context, async () =>
        {
            await using var session = CliSession.Open(context, settings, command);
            var requests = settings.File is not null
                ? (await LabelledSet.LoadFileAsync(settings.File, cancellationToken).ConfigureAwait(false)).Requests
                : await CorrectionsAsync(session, cancellationToken).ConfigureAwait(false);
            var evaluator = session.Get<RoutingModelEvaluator>();
            var scored = evaluator.Evaluate(requests);
            RoutingEvaluation? cv = null;
            if (settings.Train is not null)
            {
                var training = (await LabelledSet.LoadFileAsync(settings.Train, cancellationToken).ConfigureAwait(false)).Requests;
                cv = evaluator.CrossValidate(training, settings.Folds);
            }

            var source = settings.File ?? "corrections";
            if (settings.Json)
            {
                var c = scored.Combined;
                CliJson.Write(context.Output, new
                {
                    source, c.Total, c.LevelCorrect, c.LevelAccuracy, c.SecondLevelRecall, c.CategoryCorrect, c.CategoryAccuracy,
                    levelMatrix = Matrix(c.LevelMatrix), categoryMatrix = Matrix(c.CategoryMatrix), c.Misses,
                    scored.ModelVersion,
                    rules = Summary(scored.Rules), model = Summary(scored.Model), combined = Summary(scored.Combined),
                    crossValidation = cv is null ? null : new
                    {
                        file = settings.Train, settings.Folds,
                        rules = Summary(cv.Rules), model = Summary(cv.Model), combined = Summary(cv.Combined),
                    },
                });
                return ExitCodes.Ok;
            }

            context.Console.MarkupLine($"{scored.Combined.Total} requests from {Markup.Escape(settings.File ?? "the store's corrected tickets")}" +
                (scored.ModelVersion is { } v ? $", model v{v}" : ", no model (rules alone)"));
            context.Console.Write(Figures("Scores", scored));
            context.Console.Write(Table("Level, combined (rows expected, columns predicted)", scored.Combined.LevelMatrix));
            context.Console.Write(Table("Category, combined (rows expected, columns predicted)", scored.Combined.CategoryMatrix));
            if (cv is not null)
            {
                context.Console.Write(Figures($"{settings.Folds}-fold cross-validation on {Markup.Escape(settings.Train!)}", cv));
            }

            return ExitCodes.Ok;
        });

    private static async Task<List<LabelledRequest>> CorrectionsAsync(CliSession session, CancellationToken cancellationToken)
    {
        await using var client = await BackofficeConnector.ConnectAsync(session, cancellationToken).ConfigureAwait(false);
        var tickets = await client.ListTicketsAsync(new TicketFilter(), cancellationToken).ConfigureAwait(false);
        return tickets.Where(t => t.Classification.IsCorrection).Select(LabelledRequest.FromTicket).ToList();
    }

    private static object? Summary(EvaluationReport? r) => r is null ? null : new
    {
        r.Total, r.LevelCorrect, r.LevelAccuracy, r.SecondLevelRecall, r.CategoryCorrect, r.CategoryAccuracy,
        levelMatrix = Matrix(r.LevelMatrix), categoryMatrix = Matrix(r.CategoryMatrix),
    };

    private static Dictionary<string, Dictionary<string, int>> Matrix(ConfusionMatrix matrix) =>
        matrix.Labels.ToDictionary(row => row, row => matrix.Labels.ToDictionary(col => col, col => matrix[row, col]));

    private static Table Figures(string title, RoutingEvaluation evaluation)
    {
        var table = new Table().Title(title).AddColumns("Classifier", "Level accuracy", "Second-level recall", "Category accuracy");
        foreach (var (name, report) in new[] { ("rules", evaluation.Rules), ("model", evaluation.Model), ("combined", evaluation.Combined) })
        {
            if (report is not null)
            {
                table.AddRow(name, Percent(report.LevelAccuracy, report.LevelCorrect, report.Total), report.SecondLevelRecall.ToString("P1", CultureInfo.InvariantCulture),
                    Percent(report.CategoryAccuracy, report.CategoryCorrect, report.Total));
            }
        }

        return table;
    }

    private static string Percent(double value, int count, int total) =>
        string.Create(CultureInfo.InvariantCulture, $"{value:P1} ({count}/{total})");

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
