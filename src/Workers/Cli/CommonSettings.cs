using System.ComponentModel;
using Spectre.Console.Cli;

namespace ContactCenter.Workers.Cli;

/// <summary>Options every command has.</summary>
internal class CommonSettings : CommandSettings
{
    [CommandOption("-c|--config <FILE>")]
    [Description("A JSON file layered over appsettings.json (environment variables still override it).")]
    public string? Config { get; init; }
}
