using Microsoft.Extensions.Hosting;
using Spectre.Console;

namespace ContactCenter.Workers.Cli;

/// <summary>Where a command writes and how it builds its host; tests give their own writers and host tweaks.</summary>
internal sealed class CliContext(
    IAnsiConsole console, TextWriter output, TextWriter error, IReadOnlyList<string> configurationOverrides, Action<HostApplicationBuilder>? configureHost)
{
    /// <summary>Tables and progress for people (colours only on a terminal).</summary>
    public IAnsiConsole Console { get; } = console;

    /// <summary>Raw stdout for JSON: never wrapped or styled.</summary>
    public TextWriter Output { get; } = output;

    /// <summary>Errors, so that stdout stays parseable.</summary>
    public TextWriter Error { get; } = error;

    /// <summary>The <c>--Section:Key=value</c> arguments, layered last over the configuration.</summary>
    public IReadOnlyList<string> ConfigurationOverrides { get; } = configurationOverrides;

    public Action<HostApplicationBuilder>? ConfigureHost { get; } = configureHost;
}
