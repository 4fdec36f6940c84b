using System.ComponentModel;
using Spectre.Console.Cli;

namespace ContactCenter.Workers.Cli;

/// <summary>Options every command has.</summary>
internal class CommonSettings : CommandSettings
{
    [CommandOption("-c|--config <FILE>")]
    [Description("A JSON file layered over appsettings.json; repeat it to layer several, the last one wins (environment variables still override them).")]
    public string[] Config { get; init; } = [];
}
