using System.ComponentModel;
using Spectre.Console.Cli;

namespace ContactCenter.Workers.Cli.Ingest;

internal sealed class IngestSettings : JsonSettings
{
    [CommandOption("--once")]
    [Description("Poll every enabled channel once, process everything pending, print a summary and exit.")]
    public bool Once { get; init; }

    [CommandOption("--channel <NAME>")]
    [Description("Only this channel (a key under ContactCenter:Channels).")]
    public string? Channel { get; init; }
}
