using System.ComponentModel;
using Spectre.Console.Cli;

namespace ContactCenter.Workers.Cli.Spam;

internal sealed class SpamListSettings : JsonSettings
{
    [CommandOption("--all")]
    [Description("Include items already released or confirmed.")]
    public bool All { get; init; }
}
