using System.Security.Cryptography;
using ContactCenter.Channels.Postal;
using ContactCenter.Core.Intake;
using ContactCenter.Testing;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace ContactCenter.Channels.Tests.Postal;

public sealed class ScanFolderSourceTests : IDisposable
{
    private static readonly TimeSpan StableFor = TimeSpan.FromSeconds(10);
    private readonly TempDirectory folder = new("cc-scan");
    private readonly FakeTimeProvider time = new(new DateTimeOffset(2026, 3, 15, 9, 0, 0, TimeSpan.Zero));

    public void Dispose() => folder.Dispose();

    [Fact]
    public async Task Poll_FileStillBeingWritten_NotTakenUntilStable()
    {
        var source = Source();
        var path = Write("lettera.pdf", "%PDF-1.4 prima parte");

        (await source.PollItemsAsync()).Should().BeEmpty();
        time.Advance(TimeSpan.FromSeconds(6));
        await File.AppendAllTextAsync(path, " seconda parte");
        time.Advance(TimeSpan.FromSeconds(6));
        (await source.PollItemsAsync()).Should().BeEmpty("the size changed 6 s ago");
        time.Advance(StableFor - TimeSpan.FromSeconds(1));
        (await source.PollItemsAsync()).Should().BeEmpty("unchanged for only 9 s");
        time.Advance(TimeSpan.FromSeconds(1));

        (await source.PollItemsAsync()).Should().ContainSingle().Which.OriginalFileName.Should().Be("lettera.pdf");
    }

    [Fact]
    public async Task Poll_FilesPresentAtStart_TakenAfterTheStabilityWait()
    {
        Write("a.pdf", "uno");
        Write("b.tif", "due");
        var source = Source();

        (await source.PollItemsAsync()).Should().BeEmpty();
        time.Advance(StableFor);

        (await source.PollItemsAsync()).Select(i => i.OriginalFileName).Should().BeEquivalentTo("a.pdf", "b.tif");
    }

    [Fact]
    public async Task Poll_FileUntouchedForLongerThanStableFor_TakenAtFirstSight()
    {
        var old = Write("vecchia.pdf", "scansione di ieri");
        File.SetLastWriteTimeUtc(old, time.GetUtcNow().UtcDateTime - StableFor - TimeSpan.FromSeconds(1));
        var recent = Write("recente.pdf", "scansione di adesso");
        File.SetLastWriteTimeUtc(recent, time.GetUtcNow().UtcDateTime - TimeSpan.FromSeconds(2));
        var source = Source();

        (await source.PollItemsAsync()).Should().ContainSingle().Which.OriginalFileName.Should().Be("vecchia.pdf");
        time.Advance(StableFor);
        (await source.PollItemsAsync()).Select(i => i.OriginalFileName).Should().BeEquivalentTo("vecchia.pdf", "recente.pdf");
    }

    [Fact]
    public async Task Poll_HiddenTemporaryAndOtherFiles_Ignored()
    {
        foreach (var name in new[] { ".nascosto.pdf", "~$lettera.pdf", "lettera.pdf.part", "scan.tmp", "x.crdownload", "note.txt" })
        {
            Write(name, name);
        }

        Write(Path.Combine(".cartella", "dentro.pdf"), "hidden folder");
        Write("buona.JPG", "ok");

        (await Source().StableItemsAsync(time, StableFor)).Should().ContainSingle().Which.OriginalFileName.Should().Be("buona.JPG");
    }

    [Fact]
    public async Task Poll_Item_KeyedBySha256WithMtimeAndBytes()
    {
        var path = Write("lettera.pdf", "%PDF contenuto");
        var mtime = new DateTime(2026, 3, 14, 18, 30, 0, DateTimeKind.Utc);
        File.SetLastWriteTimeUtc(path, mtime);

        // Untouched since the evening before: taken at first sight.
        var item = (await Source().PollItemsAsync()).Single();

        var sha = Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(path)));
        item.SourceKey.Should().Be($"file:posta/{sha}");
        item.ChannelName.Should().Be("posta");
        item.ReceivedAt.Should().Be(new DateTimeOffset(mtime));
        item.OriginalContentType.Should().Be("application/pdf");
        await using var stream = await item.OpenAsync(CancellationToken.None);
        using var reader = new StreamReader(stream);
        (await reader.ReadToEndAsync()).Should().Be("%PDF contenuto");
    }

    [Fact]
    public async Task Poll_Subfolder_GivesCategoryHint()
    {
        Write(Path.Combine("urgenze", "frana.pdf"), "1");
        Write(Path.Combine("urgenze", "sisma", "crepa.pdf"), "2");
        Write("generica.pdf", "3");

        var items = await Source().StableItemsAsync(time, StableFor);

        items.ToDictionary(i => i.OriginalFileName, i => i.Metadata.GetValueOrDefault("scan.folder"))
            .Should().BeEquivalentTo(new Dictionary<string, string?>
            {
                ["frana.pdf"] = "urgenze",
                ["crepa.pdf"] = "urgenze/sisma",
                ["generica.pdf"] = null,
            });
    }

    [Fact]
    public async Task Poll_FileOpenByItsWriter_NotTakenEvenWhenStable()
    {
        var path = folder.Combine("in-scrittura.pdf");
        await using var writer = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.Read);
        writer.Write("%PDF"u8);
        writer.Flush();

        (await Source().StableItemsAsync(time, StableFor)).Should().BeEmpty();
    }

    [Fact]
    public async Task Poll_SameContentTwice_OnePerPoll()
    {
        Write("a.pdf", "uguale");
        Write("b.pdf", "uguale");

        (await Source().StableItemsAsync(time, StableFor)).Should().ContainSingle();
    }

    [Fact]
    public async Task Acknowledge_MovesToDoneYearMonth_WithUniqueName()
    {
        var source = Source();
        Write("lettera.pdf", "nuova");
        Write(Path.Combine("done", "2026", "03", "lettera.pdf"), "importata prima");
        var item = (await source.StableItemsAsync(time, StableFor)).Single();

        await source.AcknowledgeAsync([item], CancellationToken.None);

        File.Exists(folder.Combine("lettera.pdf")).Should().BeFalse();
        File.ReadAllText(folder.Combine("done", "2026", "03", "lettera (2).pdf")).Should().Be("nuova");
        File.ReadAllText(folder.Combine("done", "2026", "03", "lettera.pdf")).Should().Be("importata prima");
        (await source.PollItemsAsync()).Should().BeEmpty("done/ is not scanned again");
    }

    [Fact]
    public async Task Acknowledge_ArchiveAndRemove_DeletesTheFile()
    {
        var source = Source(o => o.AfterImport = ScanAfterImport.ArchiveAndRemove);
        Write("lettera.pdf", "x");

        await source.AcknowledgeAsync(await source.StableItemsAsync(time, StableFor), CancellationToken.None);

        Directory.EnumerateFileSystemEntries(folder.Path).Should().BeEmpty();
    }

    [Fact]
    public async Task Acknowledge_FileRewrittenSinceRead_LeftInPlace()
    {
        var source = Source();
        var path = Write("lettera.pdf", "prima");
        var item = (await source.StableItemsAsync(time, StableFor)).Single();
        await File.WriteAllTextAsync(path, "riscritta, più lunga");

        await source.AcknowledgeAsync([item], CancellationToken.None);

        File.ReadAllText(path).Should().Be("riscritta, più lunga");
    }

    [Fact]
    public async Task Reject_MovesToQuarantineWithReasonFile()
    {
        var source = Source();
        Write(Path.Combine("urgenze", "rotto.tif"), "non una tiff");
        var item = (await source.StableItemsAsync(time, StableFor)).Single();

        await source.RejectAsync(item, "corrupt TIFF: bad magic", CancellationToken.None);

        File.Exists(folder.Combine("urgenze", "rotto.tif")).Should().BeFalse();
        File.ReadAllText(folder.Combine("quarantine", "rotto.tif")).Should().Be("non una tiff");
        var reason = File.ReadAllText(folder.Combine("quarantine", "rotto.tif.reason.txt"));
        reason.Should().StartWith("corrupt TIFF: bad magic").And.Contain(item.SourceKey);
        time.Advance(StableFor);
        (await source.PollItemsAsync()).Should().BeEmpty("quarantine/ is not scanned again");
    }

    [Fact]
    public async Task Reject_ReasonFileOutlivingItsFile_KeptAndTheNewFileGetsAFreeName()
    {
        var quarantine = folder.Combine("quarantine");
        Directory.CreateDirectory(quarantine);
        File.WriteAllText(Path.Combine(quarantine, "lettera.pdf.reason.txt"), "motivo di ieri");
        var source = Source();
        Write("lettera.pdf", "%PDF rotto");
        var item = (await source.StableItemsAsync(time, StableFor)).Single();

        await source.RejectAsync(item, "motivo di oggi", CancellationToken.None);

        File.ReadAllText(Path.Combine(quarantine, "lettera.pdf.reason.txt")).Should().Be("motivo di ieri");
        File.ReadAllText(Path.Combine(quarantine, "lettera (2).pdf")).Should().Be("%PDF rotto");
        File.ReadAllText(Path.Combine(quarantine, "lettera (2).pdf.reason.txt")).Should().StartWith("motivo di oggi");
    }

    [Fact]
    public async Task Poll_SeveralFolders_AllPolled_DoneUnderTheFirst()
    {
        using var second = new TempDirectory("cc-scan2");
        File.WriteAllText(second.Combine("da-ufficio.pdf"), "b");
        Write("da-scanner.pdf", "a");
        var source = Source(o => o.Paths.Add(second.Path));

        var items = await source.StableItemsAsync(time, StableFor);
        await source.AcknowledgeAsync(items, CancellationToken.None);

        items.Should().HaveCount(2);
        Directory.GetFiles(folder.Combine("done", "2026", "03")).Select(Path.GetFileName)
            .Should().BeEquivalentTo("da-scanner.pdf", "da-ufficio.pdf");
    }

    [Fact]
    public async Task Reject_FileRescannedUnderTheSameNameAfterItWasRead_LeftForTheNextPoll_NotQuarantinedUnderTheOldReason()
    {
        var path = Write("scansione.pdf", "%PDF-1.4 prima scansione");
        var source = Source();
        var first = (await source.StableItemsAsync(time, StableFor)).Single();

        File.WriteAllText(path, "%PDF-1.4 seconda scansione, piu lunga");
        await source.RejectAsync(first, "OCR: nessun testo leggibile", CancellationToken.None);

        File.Exists(path).Should().BeTrue();
        Directory.Exists(folder.Combine("quarantine")).Should().BeFalse();
        (await source.StableItemsAsync(time, StableFor)).Single().SourceKey.Should().NotBe(first.SourceKey);
    }

    [Fact]
    public async Task Poll_DoneFolderConfiguredThroughALink_ProcessedFilesNotTakenAgain()
    {
        Write("done/2026/03/gia-presa.pdf", "%PDF-1.4 lettera di ieri");
        Write("nuova.pdf", "%PDF-1.4 lettera di oggi");
        var alias = folder.Combine("..", Path.GetFileName(folder.Path) + "-done-link");
        File.CreateSymbolicLink(alias, folder.Combine("done"));
        try
        {
            var items = await Source(o => o.DonePath = alias).StableItemsAsync(time, StableFor);

            items.Select(i => i.OriginalFileName).Should().Equal(["nuova.pdf"], "done/ is the done folder, however the setting spells it");
        }
        finally
        {
            File.Delete(alias);
        }
    }

    [Fact]
    public async Task Poll_MissingFolder_NoItemsNoException()
    {
        var source = Source(o => o.Paths = [folder.Combine("share-non-montata")]);

        (await source.StableItemsAsync(time, StableFor)).Should().BeEmpty();
    }

    private ScanFolderSource Source(Action<ScanFolderChannelOptions>? configure = null)
    {
        var options = new ScanFolderChannelOptions { Type = "ScanFolder", Paths = [folder.Path], StableFor = StableFor };
        configure?.Invoke(options);
        return new ScanFolderSource("posta", options, time, NullLogger<ScanFolderSource>.Instance);
    }

    private string Write(string relativePath, string content)
    {
        var path = folder.Combine(relativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, content);
        return path;
    }
}
