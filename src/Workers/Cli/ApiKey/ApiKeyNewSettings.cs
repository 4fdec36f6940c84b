using System.ComponentModel;
using ContactCenter.Workers.Control;
using Spectre.Console.Cli;

namespace ContactCenter.Workers.Cli.ApiKey;

internal sealed class ApiKeyNewSettings : CommandSettings
{
    [CommandOption("-r|--role <ROLE>")]
    [Description("reader (tickets and statistics), operator (also ticket and quarantine acts) or admin (also the mode).")]
    public ControlRole Role { get; init; } = ControlRole.Reader;

    [CommandOption("-n|--name <NAME>")]
    [Description("The key's name in the configuration and in the logs (default: the role and today's date).")]
    public string? Name { get; init; }
}
