using System.Globalization;
using ContactCenter.Core.Tickets;
using ContactCenter.Testing;
using ContactCenter.Testing.Scans;
using ContactCenter.Workers.Tests.TestSupport;
using Xunit.Abstractions;

namespace ContactCenter.Workers.Tests.EndToEnd;

/// <summary>
/// The built <c>contactcenter ingest --once</c> as a child process over a real scan folder with the real libtesseract:
/// SIGKILLed at chosen points of the work, and fed hostile files. A native crash would end the child, not the tests.
/// </summary>
public sealed class ScanFolderEndToEndTests(ScanFixtures scans, ITestOutputHelper output) : IClassFixture<ScanFixtures>, IDisposable
{
    private static readonly TimeSpan RunLimit = TimeSpan.FromSeconds(50);
    private readonly TempDirectory folder = new("cc-scan-e2e");

    private string Inbox => folder.Combine("scans");

    public void Dispose() => folder.Dispose();

    [Fact]
    public async Task ScanFolder_KillDuringOcr_LeavesFileInPlaceAndMakesOneTicketAfterRestart()
    {
        // Two batch scans, each with two or more letters (so two or more pages to OCR) split at blank pages.
        Directory.CreateDirectory(Inbox);
        var first = CopyToInbox(scans.BatchWithBlankSeparatorsTiff, "lotto-1.tif");
        var second = Path.Combine(Inbox, "lotto-2.tif");
        ExternalTool.Run("tiffcp", $"{scans.BatchWithBlankSeparatorsTiff},4,3,2", second); // its last letter, a blank, its second letter
        var letters = new ScanLetters(new Dictionary<string, IReadOnlyList<string>>
        {
            ["lotto-1.tif"] = ScanFolderConfig.SourceKeys(first, 3),
            ["lotto-2.tif"] = ScanFolderConfig.SourceKeys(second, 2),
        });
        var config = ScanFolderConfig.Write(folder.Path, Inbox, batchSize: 1);
        output.WriteLine($"fixtures ready at {DateTime.UtcNow:HH:mm:ss.f}");

        // 1. A page of the first document is read and at least one is not: nothing can be stored yet.
        await KillAsync(config, IsOcrPageLine);
        var state = await ScanFolderState.ReadAsync(folder.Path, Inbox);
        state.Inbox.Should().BeEquivalentTo(letters.Files, "a file is moved only after its tickets are stored");
        state.Done.Should().BeEmpty();
        state.Store.Tickets.Should().BeEmpty("the kill fell during OCR, before any commit");

        // 2. Just after the first document's tickets are committed: its file may or may not have been moved yet.
        await KillAsync(config, line => line.Contains("IngestPipeline[1600]", StringComparison.Ordinal));
        state = await ScanFolderState.ReadAsync(folder.Path, Inbox);
        var stored = letters.AssertConsistent(state);
        stored.Should().ContainSingle("the kill fell after the first document's commit and before the second's OCR ended");

        // 3. During the other document's OCR (the stored one, if still in place, is recognised by its key, not read).
        await KillAsync(config, IsOcrPageLine);
        state = await ScanFolderState.ReadAsync(folder.Path, Inbox);
        letters.AssertConsistent(state).Should().Equal(stored);

        // The window between the commit and the move is too short to hit with a signal; leave the stored file where
        // a kill inside it would have (tickets committed, file still in the scan folder, its mtime kept by the move).
        var movedTo = Path.Combine(folder.Path, "done", ScanFolderState.DatedDonePath(stored[0]));
        if (File.Exists(movedTo))
        {
            File.Move(movedTo, Path.Combine(Inbox, stored[0]));
        }

        // 4. A run to the end: the rest is read and stored once, the file stored before is only acknowledged.
        using var last = ChildIngest.Start(config, null, "--json");
        await last.WaitAsync(RunLimit);

        output.WriteLine($"last run ended at {DateTime.UtcNow:HH:mm:ss.f}");
        last.ExitCode.Should().Be(0, last.Log);
        var summary = IngestSummaryJson.Single(last.Output);
        summary.Should().Match<IngestSummaryJson>(s => s.Failed == null && s.Quarantined == 0 && s.Duplicates == 0);
        summary.AlreadyStored.Should().Be(1, "the file stored before the kill is recognised by its key, not read again");
        summary.Created.Should().Be(letters.KeysOf(letters.Files.Single(f => f != stored[0])).Count);
        state = await ScanFolderState.ReadAsync(folder.Path, Inbox);
        state.Inbox.Should().BeEmpty();
        state.Done.Should().BeEquivalentTo(letters.Files.Select(ScanFolderState.DatedDonePath), "every file ends in done/yyyy/MM/, once");
        state.Store.SourceKeys.Should().OnlyHaveUniqueItems().And.BeEquivalentTo(letters.AllKeys, "exactly one ticket per letter");
        state.Store.Tickets.Should().OnlyContain(t => t.Channel == ChannelKind.Postal && t.ChannelName == ScanFolderConfig.Channel);
    }

    [Fact]
    public async Task ScanFolder_HostileFiles_AreQuarantinedWithReasonAndTheRestGoThrough()
    {
        Directory.CreateDirectory(Inbox);
        var letter = CopyToInbox(scans.Letter300Png, "lettera.png");
        var hostile = new Dictionary<string, string[]>
        {
            [Write("vuoto.pdf", [])] = ["empty file (0 bytes)"],
            [Write("fax-rotto.tif", HostileDocuments.TiffWithBadOffsets(await File.ReadAllBytesAsync(scans.FaxFineG4)))] = ["corrupt TIFF"],
            [Write("cinquemila-pagine.pdf", HostileDocuments.PdfWithEmptyPages(5000))] = ["5000 pages", "ContactCenter:Ocr:MaxPages (200)"],
            [Write("bomba.png", HostileDocuments.PngDeclaring(100_000, 100_000))] = ["100000×100000 pixels", "ContactCenter:Ocr:MaxPixelsPerPage"],
        };
        var hostileKeys = hostile.Keys.ToDictionary(f => Path.GetFileName(f), f => ScanFolderConfig.SourceKeys(f, 1)[0]);
        var letterKey = ScanFolderConfig.SourceKeys(letter, 1)[0];
        var config = ScanFolderConfig.Write(folder.Path, Inbox, batchSize: 100);

        using var run = ChildIngest.Start(config, null, "--json");
        await run.WaitAsync(RunLimit);

        run.ExitCode.Should().Be(0, "a quarantined file is handled, not a failed channel; the log:\n" + run.Log);
        IngestSummaryJson.Single(run.Output).Should().BeEquivalentTo(new { Fetched = 5, Created = 1, Quarantined = 4, Failed = (string?)null });
        var state = await ScanFolderState.ReadAsync(folder.Path, Inbox);
        state.Inbox.Should().BeEmpty();
        state.Done.Should().Equal(ScanFolderState.DatedDonePath("lettera.png"));
        state.Store.Tickets.Should().ContainSingle().Which.Should().Match<Ticket>(t => t.SourceKey == letterKey && t.Subject == ItalianLetters.FirstSubject);

        var list = await CliRun.RunAsync(null, "quarantine", "list", "--all", "--json", "--config", config);
        list.ExitCode.Should().Be(0, list.Error);
        var records = QuarantineJson.Parse(list.Output);
        records.Should().HaveCount(4, "one quarantine record per hostile file");
        var quarantine = Path.Combine(Inbox, "quarantine");
        Directory.GetFiles(quarantine).Select(Path.GetFileName).Should().BeEquivalentTo(
            hostileKeys.Keys.SelectMany(name => new[] { name, name + ".reason.txt" }), "each file is kept, byte for byte, with its reason");
        foreach (var (path, expected) in hostile)
        {
            var name = Path.GetFileName(path);
            var reason = await File.ReadAllTextAsync(Path.Combine(quarantine, name + ".reason.txt"));
            reason.Should().ContainAll(expected).And.Contain($"source key: {hostileKeys[name]}");
            ScanFolderConfig.SourceKeys(Path.Combine(quarantine, name), 1)[0].Should().Be(hostileKeys[name], $"{name} is moved, not altered");
            records.Should().ContainSingle(q => q.SourceKey == hostileKeys[name]).Which.Should().Match<QuarantineJson>(q =>
                q.ChannelName == ScanFolderConfig.Channel && q.Status == "Pending" && expected.All(e => q.Reason.Contains(e)) && q.Original != null);
        }
    }

    private static bool IsOcrPageLine(string line) =>
        line.Contains("DocumentTextReader[1411]", StringComparison.Ordinal) || line.Contains("DocumentTextReader[1412]", StringComparison.Ordinal);

    /// <summary>One run killed at the first log line matching <paramref name="killWhen"/>; the page lines are Debug, switched on here.</summary>
    private async Task KillAsync(string config, Func<string, bool> killWhen)
    {
        var started = DateTime.UtcNow;
        using var run = ChildIngest.Start(config, killWhen, "--Logging:LogLevel:ContactCenter.Channels.Ocr.DocumentTextReader=Debug");
        await run.WaitAsync(RunLimit);
        output.WriteLine($"killed run: {(DateTime.UtcNow - started).TotalSeconds:F1} s, exit {run.ExitCode}, last log line: {run.Log.TrimEnd().Split('\n')[^1]}");
        run.WasKilled.Should().BeTrue($"the run must be killed in the middle of its work, not end by itself (exit {run.ExitCode}); its log:\n{run.Log}");
    }

    private string CopyToInbox(string fixture, string name)
    {
        var path = Path.Combine(Inbox, name);
        File.Copy(fixture, path);
        return path;
    }

    private string Write(string name, byte[] content)
    {
        var path = Path.Combine(Inbox, name);
        File.WriteAllBytes(path, content);
        return path;
    }
}
