using ContactCenter.Bench.Memory;

namespace ContactCenter.Bench;

/// <summary>Modes in which the bench runs as a child of itself, so a measurement has a fresh process of its own.</summary>
internal static class ChildModes
{
    public static bool TryRun(string[] args, out Task<int> exit)
    {
        exit = args[0] == SoakChild.Mode ? SoakChild.RunAsync(args) : Task.FromResult(0);
        return args[0] == SoakChild.Mode;
    }
}
