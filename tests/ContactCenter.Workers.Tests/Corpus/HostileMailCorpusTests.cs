using ContactCenter.Workers.Tests.TestSupport;
using Xunit.Abstractions;

namespace ContactCenter.Workers.Tests.Corpus;

[Collection(CorpusCollection.Name)]
[Trait(RunAlone.Trait, RunAlone.Value)]
public sealed class HostileMailCorpusTests(MailCorpusFixture fixture, ITestOutputHelper output) : IClassFixture<MailCorpusFixture>
{
    /// <summary>Peak growth of the process's working set over the whole corpus (about 10 MB of input; measured +90 MB).</summary>
    private const long MaxWorkingSetGrowth = 256L * 1024 * 1024;

    private CorpusRun Run => fixture.Run;

    public static TheoryData<string> CaseNames => [.. MailCorpus.All.Select(c => c.Name)];

    [Fact]
    public void Corpus_HasAtLeastThirtyMailCases() => MailCorpus.All.Should().HaveCountGreaterThanOrEqualTo(30);

    [Theory]
    [MemberData(nameof(CaseNames))]
    public void Corpus_Case_BecomesTicketOrQuarantineAsExpected(string name) => CorpusAssertions.CaseOutcome(Run, name, output);

    [Fact]
    public void Corpus_AllItemsProcessed_DropFolderEmptied()
    {
        Run.Results.Keys.Should().BeEquivalentTo(Run.Cases.Select(c => c.FileName));
        Directory.EnumerateFiles(Run.DropDirectory).Should().BeEmpty("every item was acknowledged (moved to done) or rejected (moved to quarantine)");
        output.WriteLine($"{Run.Cases.Count} inputs in {Run.Elapsed.TotalSeconds:F1} s");
    }

    [Fact]
    public void Corpus_MemoryStaysBounded()
    {
        output.WriteLine($"working set +{Run.WorkingSetGrowth / 1048576} MB, managed heap +{Run.ManagedGrowth / 1048576} MB");
        Run.WorkingSetGrowth.Should().BeLessThan(MaxWorkingSetGrowth);
    }

    [Fact]
    public void Corpus_WritesNothingOutsideTheDataAndDropFolders() => CorpusAssertions.NothingOutsideDataAndDrop(Run);

    [Fact]
    public void Corpus_ArchiveIsContentAddressed_NoNameBecomesAPath() => CorpusAssertions.ArchiveContentAddressed(Run);
}
