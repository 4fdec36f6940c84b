using System.ComponentModel;
using Spectre.Console.Cli;

namespace ContactCenter.Workers.Cli;

internal class JsonSettings : CommonSettings
{
    [CommandOption("--json")]
    [Description("Machine-readable JSON on stdout instead of a table.")]
    public bool Json { get; init; }
}
