using System.ComponentModel;
using Spectre.Console;
using Spectre.Console.Cli;

namespace ContactCenter.Workers.Cli.Classify;

internal sealed class ClassifyEvaluateSettings : JsonSettings
{
    [CommandOption("--file <LABELLED_JSON>")]
    [Description("A labelled set to score, e.g. the held-out samples/routing.holdout.json; without it, the store's corrected tickets.")]
    public string? File { get; init; }

    [CommandOption("--train <LABELLED_JSON>")]
    [Description("Also cross-validate on this training set: each fold scored by a model trained on the other folds.")]
    public string? Train { get; init; }

    [CommandOption("--folds <K>")]
    [Description("Folds of the cross-validation (default 5).")]
    public int Folds { get; init; } = 5;

    [CommandOption("--repeats <N>")]
    [Description("Repeat the cross-validation on N shuffles of the folds (default 1) for the spread.")]
    public int Repeats { get; init; } = 1;

    public override ValidationResult Validate() =>
        File is not null && !System.IO.File.Exists(File) ? ValidationResult.Error($"--file: '{File}' does not exist.")
        : Train is not null && !System.IO.File.Exists(Train) ? ValidationResult.Error($"--train: '{Train}' does not exist.")
        : Folds is < 2 or > 20 ? ValidationResult.Error($"--folds: between 2 and 20, not {Folds}.")
        : Repeats is < 1 or > 10 ? ValidationResult.Error($"--repeats: between 1 and 10, not {Repeats}.")
        : ValidationResult.Success();
}
