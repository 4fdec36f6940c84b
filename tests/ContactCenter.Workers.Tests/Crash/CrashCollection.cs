namespace ContactCenter.Workers.Tests.Crash;

/// <summary>The crash suite runs alone: it times kills against real work, and other tests' load would only blur that.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class CrashCollection
{
    public const string Name = "Crash";
}
