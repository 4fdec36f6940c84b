namespace ContactCenter.Bench;

/// <summary>
/// The service's program as install/install.sh installs it (published for this machine, compiled ahead of time),
/// staged by bench/run.sh: rows that start <c>contactcenter</c> time what an installed service runs, not a build.
/// </summary>
internal static class InstalledProgram
{
    private const string Variable = "CC_BENCH_PROGRAM";

    public static string Dll => Path.Combine(
        Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } folder
            ? folder
            : throw new InvalidOperationException($"{Variable} is not set: run the bench through bench/run.sh, which stages the installed program."),
        "contactcenter.dll");
}
