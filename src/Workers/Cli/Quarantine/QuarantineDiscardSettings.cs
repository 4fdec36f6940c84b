using System.ComponentModel;
using Spectre.Console.Cli;

namespace ContactCenter.Workers.Cli.Quarantine;

internal sealed class QuarantineDiscardSettings : QuarantineIdSettings
{
    [CommandOption("--reason <TEXT>")]
    [Description("Why the item is given up; asked for on a terminal when missing.")]
    public string? Reason { get; init; }
}
