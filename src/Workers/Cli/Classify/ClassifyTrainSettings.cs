using System.ComponentModel;
using Spectre.Console;
using Spectre.Console.Cli;

namespace ContactCenter.Workers.Cli.Classify;

internal sealed class ClassifyTrainSettings : JsonSettings
{
    [CommandOption("--file <LABELLED_JSON>")]
    [Description("The labelled training set (see samples/routing.labelled.json); never the held-out set.")]
    public string File { get; init; } = "";

    [CommandOption("--no-corrections")]
    [Description("Leave out the operators' corrections (tickets reclassify) found in the store.")]
    public bool NoCorrections { get; init; }

    [CommandOption("--output <FOLDER_OR_ZIP>")]
    [Description("Where to write: a models folder (a new version) or one .zip file. Default ContactCenter:Routing:Model:Path, or {DataDirectory}/models.")]
    public string? Output { get; init; }

    public override ValidationResult Validate() =>
        string.IsNullOrWhiteSpace(File) ? ValidationResult.Error("--file: give the labelled training set.")
        : !System.IO.File.Exists(File) ? ValidationResult.Error($"--file: '{File}' does not exist.")
        : Path.GetFileName(File).Contains("holdout", StringComparison.OrdinalIgnoreCase)
            ? ValidationResult.Error($"--file: '{File}' is a held-out set: it measures the model and is never trained on.")
        : ValidationResult.Success();
}
