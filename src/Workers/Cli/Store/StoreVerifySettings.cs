using System.ComponentModel;
using Spectre.Console.Cli;

namespace ContactCenter.Workers.Cli.Store;

internal sealed class StoreVerifySettings : JsonSettings
{
    [CommandOption("--quick")]
    [Description("Only check that each archived file the store names is there, without reading it back (no re-hash).")]
    public bool Quick { get; init; }
}
