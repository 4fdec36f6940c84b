using System.ComponentModel;
using Spectre.Console.Cli;

namespace ContactCenter.Workers.Cli.Spam;

internal class SpamIdSettings : JsonSettings
{
    [CommandArgument(0, "<ID>")]
    [Description("The spam item's id, as in 'spam list'.")]
    public int Id { get; init; }
}
