using System.Globalization;
using ContactCenter.Ml;
using ContactCenter.Core.Routing.Evaluation;
using ContactCenter.Core.Tickets;
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
                : await OperatorCorrections.ReadAsync(session, cancellationToken).ConfigureAwait(false);
            var evaluator = session.Get<RoutingModelEvaluator>();
            var scored = evaluator.Evaluate(requests);
            RoutingCrossValidation? cv = null;
            if (settings.Train is not null)
            {
                var training = (await LabelledSet.LoadFileAsync(settings.Train, cancellationToken).ConfigureAwait(false)).Requests;
                cv = evaluator.CrossValidate(training, settings.Folds, settings.Repeats);
            }

            var source = settings.File ?? "corrections";
            if (settings.Json)
            {
                var c = scored.Combined;
                CliJson.Write(context.Output, new
                {
                    source, c.Total, c.LevelCorrect, c.LevelAccuracy, c.SecondLevelRecall, c.CategoryCorrect, c.CategoryAccuracy,
                    c.Flagged, c.SecondLevelMissesFlagged,
                    levelMatrix = Matrix(c.LevelMatrix), categoryMatrix = Matrix(c.CategoryMatrix), c.Misses,
                    scored.ModelVersion, scored.Setting,
                    rules = Summary(scored.Rules), model = Summary(scored.Model), combined = Summary(scored.Combined),
                    crossValidation = cv is null ? null : new
                    {
                        file = settings.Train, settings.Folds, settings.Repeats,
                        rules = Summary(cv.Pooled.Rules), model = Summary(cv.Pooled.Model), combined = Summary(cv.Pooled.Combined),
                        byRepeat = cv.Repeats.Select(r => new { r.Repeat, r.LevelAccuracy, r.SecondLevelRecall }),
                        spread = Spread(cv.Folds),
                        perFold = cv.Folds,
                    },
                });
                return ExitCodes.Ok;
            }

            context.Console.MarkupLine($"{scored.Combined.Total} requests from {Markup.Escape(settings.File ?? "the store's corrected tickets")}" +
                (scored.ModelVersion is { } v ? $", model v{v}" : ", no model (rules alone)"));
            if (scored.Setting is { } setting)
            {
                context.Console.MarkupLine(Markup.Escape(setting.ToString()));
            }
            context.Console.Write(Figures("Scores", scored));
            context.Console.Write(Table("Level, combined (rows expected, columns predicted)", scored.Combined.LevelMatrix));
            context.Console.Write(Table("Category, combined (rows expected, columns predicted)", scored.Combined.CategoryMatrix));
            if (cv is not null)
            {
                context.Console.Write(Figures($"{settings.Folds}-fold cross-validation on {Markup.Escape(settings.Train!)}", cv.Pooled));
                context.Console.Write(FoldTable(cv));
            }

            return ExitCodes.Ok;
        });

    private static object? Summary(EvaluationReport? r) => r is null ? null : new
    {
        r.Total, r.LevelCorrect, r.LevelAccuracy, r.SecondLevelRecall, r.CategoryCorrect, r.CategoryAccuracy,
        r.Flagged, r.SecondLevelMissesFlagged,
        levelMatrix = Matrix(r.LevelMatrix), categoryMatrix = Matrix(r.CategoryMatrix),
    };

    /// <summary>Mean, lowest and highest of the folds' level accuracy and second-level recall (all repeats).</summary>
    private static object Spread(IReadOnlyList<CrossValidationFold> folds) => new
    {
        levelAccuracy = new { mean = folds.Average(f => f.LevelAccuracy), min = folds.Min(f => f.LevelAccuracy), max = folds.Max(f => f.LevelAccuracy) },
        secondLevelRecall = new { mean = folds.Average(f => f.SecondLevelRecall), min = folds.Min(f => f.SecondLevelRecall), max = folds.Max(f => f.SecondLevelRecall) },
    };

    private static Table FoldTable(RoutingCrossValidation cv)
    {
        var table = new Table().Title("Combined, per fold (threshold and override chosen by the inner cross-validation)")
            .AddColumns("Repeat", "Fold", "Level accuracy", "Second-level recall", "Second level from", "First to second from");
        foreach (var f in cv.Folds)
        {
            table.AddRow(Invariant($"{f.Repeat}"), Invariant($"{f.Fold}"), Percent(f.LevelAccuracy, f.LevelCorrect, f.Total),
                Percent(f.SecondLevelRecall, f.SecondLevelCorrect, f.SecondLevel), Invariant($"{f.SecondLevelFrom:0.00}"),
                Invariant($"{f.SecondLevelOverrideConfidence:0.00}"));
        }

        foreach (var r in cv.Repeats)
        {
            table.AddRow(Invariant($"{r.Repeat}"), "all", Invariant($"{r.LevelAccuracy:P1}"), Invariant($"{r.SecondLevelRecall:P1}"), "", "");
        }

        return table;
    }

    private static string Invariant(FormattableString value) => value.ToString(CultureInfo.InvariantCulture);

    private static Dictionary<string, Dictionary<string, int>> Matrix(ConfusionMatrix matrix) =>
        matrix.Labels.ToDictionary(row => row, row => matrix.Labels.ToDictionary(col => col, col => matrix[row, col]));

    private static Table Figures(string title, RoutingEvaluation evaluation)
    {
        var table = new Table().Title(title)
            .AddColumns("Classifier", "Level accuracy", "Second-level recall", "Category accuracy", "Flagged for review", "Second-level misses flagged");
        foreach (var (name, report) in new[] { ("rules", evaluation.Rules), ("model", evaluation.Model), ("combined", evaluation.Combined) })
        {
            if (report is not null)
            {
                var secondLevelMisses = report.LevelMatrix[nameof(ServiceLevel.Second), nameof(ServiceLevel.First)];
                table.AddRow(name, Percent(report.LevelAccuracy, report.LevelCorrect, report.Total), report.SecondLevelRecall.ToString("P1", CultureInfo.InvariantCulture),
                    Percent(report.CategoryAccuracy, report.CategoryCorrect, report.Total), Invariant($"{report.Flagged}"),
                    Invariant($"{report.SecondLevelMissesFlagged} of {secondLevelMisses}"));
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
