using System.ComponentModel;
using Spectre.Console.Cli;

namespace ContactCenter.Workers.Cli.Quarantine;

internal class QuarantineIdSettings : JsonSettings
{
    [CommandArgument(0, "<ID>")]
    [Description("The quarantined item's id, as in 'quarantine list'.")]
    public int Id { get; init; }
}
