namespace ContactCenter.Bench;

/// <summary>Modes in which the bench runs as a child of itself, so a measurement has a fresh process of its own.</summary>
internal static class ChildModes
{
    public static bool TryRun(string[] args, out Task<int> exit)
    {
#if CC_PIPELINE
        if (args[0] == Memory.SoakChild.Mode)
        {
            exit = Memory.SoakChild.RunAsync(args);
            return true;
        }
#endif
        exit = Task.FromResult(0);
        return false;
    }
}
