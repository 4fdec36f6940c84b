using System.ComponentModel;
using Spectre.Console;
using Spectre.Console.Cli;

namespace ContactCenter.Workers.Cli.Classify;

internal sealed class ClassifyEvaluateSettings : JsonSettings
{
    [CommandOption("--file <LABELLED_JSON>")]
    [Description("A labelled set (see samples/routing.labelled.json); without it, the store's corrected tickets.")]
    public string? File { get; init; }

    public override ValidationResult Validate() => File is not null && !System.IO.File.Exists(File)
        ? ValidationResult.Error($"--file: '{File}' does not exist.")
        : ValidationResult.Success();
}
