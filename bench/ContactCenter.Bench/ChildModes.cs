using ContactCenter.Bench.Memory;
using ContactCenter.Bench.Ocr;

namespace ContactCenter.Bench;

/// <summary>Modes in which the bench runs as a child of itself, so a measurement has a fresh process of its own.</summary>
internal static class ChildModes
{
    public static bool TryRun(string[] args, out Task<int> exit)
    {
        exit = args[0] switch
        {
            SoakChild.Mode => SoakChild.RunAsync(args),
            OcrStageProfile.Mode => OcrStageProfile.RunAsync(),
            OcrVariablesProfile.Mode => OcrVariablesProfile.RunAsync(args),
            _ => Task.FromResult(0),
        };
        return args[0] is SoakChild.Mode or OcrStageProfile.Mode or OcrVariablesProfile.Mode;
    }
}
