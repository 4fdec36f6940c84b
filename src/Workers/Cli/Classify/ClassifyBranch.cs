using Spectre.Console.Cli;

namespace ContactCenter.Workers.Cli.Classify;

internal static class ClassifyBranch
{
    public static void Add(IConfigurator config)
    {
    }
}
