using ContactCenter.Workers.Cli;
using Microsoft.Extensions.Hosting;
using Spectre.Console;

namespace ContactCenter.Workers.Tests.TestSupport;

/// <summary>Runs the real <c>contactcenter</c> command line in-process and captures what it prints.</summary>
internal static class CliRun
{
    public sealed record Result(int ExitCode, string Output, string Error);

    public static async Task<Result> RunAsync(Action<HostApplicationBuilder>? configureHost, params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = AnsiSupport.No,
            ColorSystem = ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.No,
            Out = new AnsiConsoleOutput(output),
        });
        console.Profile.Width = 200;
        var exit = await ContactCenterApp.RunAsync(args, console, output, error, configureHost);
        return new Result(exit, output.ToString(), error.ToString());
    }
}
