using ContactCenter.Workers.Tests.TestSupport;
using Xunit.Abstractions;

namespace ContactCenter.Workers.Tests.Corpus;

[Collection(CorpusCollection.Name)]
[Trait(RunAlone.Trait, RunAlone.Value)]
public sealed class RealWorldMailCorpusTests(RealWorldMailFixture fixture, ITestOutputHelper output) : IClassFixture<RealWorldMailFixture>
{
    private CorpusRun Run => fixture.Run;

    public static TheoryData<string> CaseNames => [.. RealWorldMail.All.Select(c => c.Name)];

    [Fact]
    public void Corpus_HasAtLeastFortyRealWorldMessages_AllExpectedAsTickets()
    {
        RealWorldMail.All.Should().HaveCountGreaterThanOrEqualTo(40);
        RealWorldMail.All.Select(c => c.Expected).Should().AllBeOfType<BecomesTicket>("a careful operator would read every one of them");
        RealWorldMail.All.Select(c => c.Name).Should().OnlyHaveUniqueItems();
    }

    [Theory]
    [MemberData(nameof(CaseNames))]
    public void RealWorld_Case_BecomesTicket(string name) => CorpusAssertions.CaseOutcome(Run, name, output);

    [Fact]
    public void RealWorld_NothingQuarantined_DropFolderEmptied()
    {
        Run.Results.Values.Where(r => r.QuarantineReason is not null).Select(r => r.QuarantineReason).Should().BeEmpty();
        Run.Results.Keys.Should().BeEquivalentTo(Run.Cases.Select(c => c.FileName));
        Directory.EnumerateFiles(Run.DropDirectory).Should().BeEmpty();
    }
}
