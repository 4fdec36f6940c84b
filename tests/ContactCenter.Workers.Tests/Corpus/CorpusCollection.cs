namespace ContactCenter.Workers.Tests.Corpus;

/// <summary>
/// The corpus runs alone: it redirects TMPDIR for the process and measures the process's memory, which other tests
/// running at the same time would disturb.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class CorpusCollection
{
    public const string Name = "Hostile-input corpus";
}
