using System.ComponentModel;
using Spectre.Console.Cli;

namespace ContactCenter.Workers.Cli.Quarantine;

internal sealed class QuarantineListSettings : JsonSettings
{
    [CommandOption("--all")]
    [Description("Include items already retried or discarded.")]
    public bool All { get; init; }
}
