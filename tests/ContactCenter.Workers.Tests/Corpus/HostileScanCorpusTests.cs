using ContactCenter.Workers.Tests.TestSupport;
using Xunit.Abstractions;

namespace ContactCenter.Workers.Tests.Corpus;

[Collection(CorpusCollection.Name)]
[Trait(RunAlone.Trait, RunAlone.Value)]
public sealed class HostileScanCorpusTests(ScanCorpusFixture fixture, ITestOutputHelper output) : IClassFixture<ScanCorpusFixture>
{
    /// <summary>Peak growth of the working set: one Tesseract engine (~100 MB of models) plus the pages decoded.</summary>
    private const long MaxWorkingSetGrowth = 400L * 1024 * 1024;

    private CorpusRun Run => fixture.Run;

    public static TheoryData<string> CaseNames => [.. ScanCorpus.All.Select(c => c.Name)];

    [Theory]
    [MemberData(nameof(CaseNames))]
    public void Corpus_Case_BecomesTicketOrQuarantineAsExpected(string name) => CorpusAssertions.CaseOutcome(Run, name, output);

    [Fact]
    public void Corpus_AllFilesProcessed()
    {
        Run.Results.Keys.Should().BeEquivalentTo(Run.Cases.Select(c => c.FileName));
        Directory.EnumerateFiles(Run.DropDirectory).Should().BeEmpty("every file was moved to done/ or to quarantine/");
        output.WriteLine($"{Run.Cases.Count} inputs in {Run.Elapsed.TotalSeconds:F1} s");
    }

    [Fact]
    public void Corpus_MemoryStaysBounded()
    {
        output.WriteLine($"working set +{Run.WorkingSetGrowth / 1048576} MB, managed heap +{Run.ManagedGrowth / 1048576} MB");
        Run.WorkingSetGrowth.Should().BeLessThan(MaxWorkingSetGrowth);
    }

    [Fact]
    public void Corpus_WritesNothingOutsideTheDataAndScanFolders() => CorpusAssertions.NothingOutsideDataAndDrop(Run);

    [Fact]
    public void Corpus_ArchiveIsContentAddressed() => CorpusAssertions.ArchiveContentAddressed(Run);
}
