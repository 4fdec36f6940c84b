using System.ComponentModel;
using Spectre.Console.Cli;

namespace ContactCenter.Workers.Cli.Spam;

internal sealed class SpamSaveSettings : SpamIdSettings
{
    [CommandOption("--to <FOLDER>")]
    [Description("Folder to save into (made if missing; default: spam-ID). An existing file is never overwritten.")]
    public string? To { get; init; }
}
