using ContactCenter.Testing;

namespace ContactCenter.Workers.Tests.Corpus;

/// <summary>
/// Writes every corpus input into a mail-drop folder, runs it through once, and records the outcomes, the files
/// created and the memory used. Temporary files are redirected (TMPDIR) into the run's own folder, so anything
/// the code writes "to temp" is seen too.
/// </summary>
internal sealed class CorpusRun : IDisposable
{
    private readonly TempDirectory root = new("cc-corpus");

    public CorpusRun(IReadOnlyList<CorpusCase> cases)
    {
        Cases = cases;
        Directory.CreateDirectory(DropDirectory);
        Directory.CreateDirectory(TempDirectory);
        foreach (var corpusCase in cases)
        {
            // Generated once: some generators (PdfPig's writer) stamp the time, so a second call differs.
            var bytes = corpusCase.Generate();
            File.WriteAllBytes(Path.Combine(DropDirectory, corpusCase.FileName), bytes);
            Sha256[corpusCase.Name] = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(bytes));
        }
    }

    /// <summary>The sha256 of each case's input, by case name: sources key items by it.</summary>
    public Dictionary<string, string> Sha256 { get; } = new(StringComparer.Ordinal);

    public IReadOnlyList<CorpusCase> Cases { get; }

    public string Root => root.Path;

    public string DataDirectory => root.Combine("data");

    public string DropDirectory => root.Combine("drop");

    public string TempDirectory => root.Combine("tmp");

    public string ArchiveDirectory => Path.Combine(DataDirectory, "archive");

    public IReadOnlyDictionary<string, CorpusResult> Results { get; private set; } = new Dictionary<string, CorpusResult>();

    /// <summary>Files that appeared under the run's root while it ran (relative to the root).</summary>
    public IReadOnlyCollection<string> NewFiles { get; private set; } = [];

    public IReadOnlyCollection<string> NewSystemTempEntries { get; private set; } = [];

    public long WorkingSetGrowth { get; private set; }

    public long ManagedGrowth { get; private set; }

    public TimeSpan Elapsed { get; private set; }

    public async Task RunAsync(Func<CorpusRun, CancellationToken, Task<Dictionary<string, CorpusResult>>> drive, CancellationToken cancellationToken)
    {
        var before = FileTreeSnapshot.Take(Root);
        var systemTemp = Path.GetTempPath();
        var systemTempBefore = TopLevelEntries(systemTemp);
        var started = System.Diagnostics.Stopwatch.StartNew();
        Environment.SetEnvironmentVariable("TMPDIR", TempDirectory);
        try
        {
            await using var memory = new MemoryPeak();
            Results = await drive(this, cancellationToken);
            WorkingSetGrowth = memory.WorkingSetGrowth;
            ManagedGrowth = memory.ManagedGrowth;
        }
        finally
        {
            Environment.SetEnvironmentVariable("TMPDIR", null);
        }

        Elapsed = started.Elapsed;
        NewFiles = FileTreeSnapshot.Take(Root).Except(before).ToList();
        NewSystemTempEntries = TopLevelEntries(systemTemp).Except(systemTempBefore).Where(n => n.StartsWith("lept", StringComparison.Ordinal)).ToList();
    }

    public void Dispose() => root.Dispose();

    private static HashSet<string> TopLevelEntries(string folder) =>
        Directory.EnumerateFileSystemEntries(folder).Select(Path.GetFileName).OfType<string>().ToHashSet(StringComparer.Ordinal);
}
