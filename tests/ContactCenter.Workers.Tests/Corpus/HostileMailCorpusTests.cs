using System.Security.Cryptography;
using System.Text.RegularExpressions;
using Xunit.Abstractions;

namespace ContactCenter.Workers.Tests.Corpus;

[Collection(CorpusCollection.Name)]
public sealed partial class HostileMailCorpusTests(MailCorpusFixture fixture, ITestOutputHelper output) : IClassFixture<MailCorpusFixture>
{
    /// <summary>Peak growth of the process's working set over the whole corpus (about 10 MB of input; measured +90 MB).</summary>
    private const long MaxWorkingSetGrowth = 256L * 1024 * 1024;

    private CorpusRun Run => fixture.Run;

    public static TheoryData<string> CaseNames => [.. MailCorpus.All.Select(c => c.Name)];

    [Fact]
    public void Corpus_HasAtLeastThirtyMailCases() => MailCorpus.All.Should().HaveCountGreaterThanOrEqualTo(30);

    [Theory]
    [MemberData(nameof(CaseNames))]
    public void Corpus_Case_BecomesTicketOrQuarantineAsExpected(string name)
    {
        var corpusCase = MailCorpus.All.Single(c => c.Name == name);
        Run.Results.Should().ContainKey(corpusCase.FileName, "every item of the poll is processed");
        var result = Run.Results[corpusCase.FileName];
        output.WriteLine($"{result.Elapsed.TotalMilliseconds:F0} ms");
        output.WriteLine(result.Ticket is null ? $"quarantined: {result.QuarantineReason}" : $"ticket: '{Clip(result.Ticket.Subject)}', {result.Ticket.Attachments.Count} attachments");
        switch (corpusCase.Expected)
        {
            case BecomesTicket ticket:
                result.Ticket.Should().NotBeNull($"{name} should become a ticket, but was quarantined: {result.QuarantineReason}");
                result.Ticket!.Original.Should().NotBeNull("the original is archived byte for byte");
                ticket.Check(result.Ticket);
                break;
            case IsQuarantined quarantined:
                result.QuarantineReason.Should().NotBeNull($"{name} should be quarantined").And.ContainEquivalentOf(quarantined.ReasonContains);
                break;
        }
    }

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
    public void Corpus_WritesNothingOutsideTheDataAndDropFolders()
    {
        var data = Path.GetRelativePath(Run.Root, Run.DataDirectory) + Path.DirectorySeparatorChar;
        var drop = Path.GetRelativePath(Run.Root, Run.DropDirectory) + Path.DirectorySeparatorChar;
        Run.NewFiles.Should().NotBeEmpty().And.OnlyContain(f => f.StartsWith(data, StringComparison.Ordinal) || f.StartsWith(drop, StringComparison.Ordinal));
        Directory.EnumerateFileSystemEntries(Run.TempDirectory, "*", SearchOption.AllDirectories).Should().BeEmpty("temporary spool files are removed");
        Run.NewSystemTempEntries.Should().BeEmpty();
    }

    [Fact]
    public void Corpus_ArchiveIsContentAddressed_NoNameBecomesAPath()
    {
        var files = Directory.EnumerateFiles(Run.ArchiveDirectory, "*", SearchOption.AllDirectories).ToList();
        files.Should().NotBeEmpty();
        foreach (var file in files)
        {
            var relative = Path.GetRelativePath(Run.ArchiveDirectory, file).Replace('\\', '/');
            relative.Should().MatchRegex(BlobPath());
            using var stream = File.OpenRead(file);
            Convert.ToHexStringLower(SHA256.HashData(stream)).Should().Be(Path.GetFileName(file));
        }
    }

    private static string Clip(string text) => text.Length <= 60 ? text : text[..60] + "…";

    [GeneratedRegex("^[0-9a-f]{2}/[0-9a-f]{2}/[0-9a-f]{64}$")]
    private static partial Regex BlobPath();
}
