using System.Security.Cryptography;
using System.Text.RegularExpressions;
using Xunit.Abstractions;

namespace ContactCenter.Workers.Tests.Corpus;

/// <summary>Checks shared by the mail and scan corpora.</summary>
internal static partial class CorpusAssertions
{
    public static void CaseOutcome(CorpusRun run, string name, ITestOutputHelper output)
    {
        var corpusCase = run.Cases.Single(c => c.Name == name);
        run.Results.Should().ContainKey(corpusCase.FileName, "every item of the poll is processed");
        var result = run.Results[corpusCase.FileName];
        output.WriteLine(result.Ticket is null
            ? $"quarantined: {result.QuarantineReason}"
            : $"ticket: '{Clip(result.Ticket.Subject)}', {result.Ticket.Attachments.Count} attachments, text '{Clip(result.Ticket.TextBody)}'");
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

    public static void NothingOutsideDataAndDrop(CorpusRun run)
    {
        var data = Path.GetRelativePath(run.Root, run.DataDirectory) + Path.DirectorySeparatorChar;
        var drop = Path.GetRelativePath(run.Root, run.DropDirectory) + Path.DirectorySeparatorChar;
        run.NewFiles.Should().NotBeEmpty().And.OnlyContain(f => f.StartsWith(data, StringComparison.Ordinal) || f.StartsWith(drop, StringComparison.Ordinal));
        Directory.EnumerateFileSystemEntries(run.TempDirectory, "*", SearchOption.AllDirectories).Should().BeEmpty("temporary files are removed");
        run.NewSystemTempEntries.Should().BeEmpty();
    }

    public static void ArchiveContentAddressed(CorpusRun run)
    {
        var files = Directory.EnumerateFiles(run.ArchiveDirectory, "*", SearchOption.AllDirectories).ToList();
        files.Should().NotBeEmpty();
        foreach (var file in files)
        {
            Path.GetRelativePath(run.ArchiveDirectory, file).Replace('\\', '/').Should().MatchRegex(BlobPath());
            using var stream = File.OpenRead(file);
            Convert.ToHexStringLower(SHA256.HashData(stream)).Should().Be(Path.GetFileName(file));
        }
    }

    private static string Clip(string text) => text.Length <= 60 ? text : text[..60] + "…";

    [GeneratedRegex("^[0-9a-f]{2}/[0-9a-f]{2}/[0-9a-f]{64}$")]
    private static partial Regex BlobPath();
}
