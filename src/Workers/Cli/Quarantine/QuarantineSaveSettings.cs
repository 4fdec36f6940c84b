using System.ComponentModel;
using Spectre.Console.Cli;

namespace ContactCenter.Workers.Cli.Quarantine;

internal sealed class QuarantineSaveSettings : QuarantineIdSettings
{
    [CommandOption("--to <FOLDER>")]
    [Description("Folder to save into (made if missing; default: quarantine-ID). An existing file is never overwritten.")]
    public string? To { get; init; }
}
