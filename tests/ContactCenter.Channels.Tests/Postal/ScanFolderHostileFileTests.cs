using ContactCenter.Channels.Files;
using ContactCenter.Channels.Postal;
using ContactCenter.Testing;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace ContactCenter.Channels.Tests.Postal;

/// <summary>Entries in a scan folder that are not scans: they must neither hang the poll nor be read.</summary>
public sealed class ScanFolderHostileFileTests : IDisposable
{
    private static readonly TimeSpan NoHang = TimeSpan.FromSeconds(20);
    private readonly TempDirectory folder = new("cc-scan-hostile");
    private readonly FakeTimeProvider time = new(DateTimeOffset.UtcNow.AddHours(1));

    private string Scans => folder.Combine("scans");

    public void Dispose() => folder.Dispose();

    [Fact]
    public async Task Poll_FifoNamedLikeAScan_RefusedAndQuarantined_TheOthersFlow()
    {
        Write("a.pdf", "%PDF-1.4 uno");
        HostileFiles.MakeFifo(Path.Combine(Scans, "x.pdf"));
        var source = Source();

        var items = await source.PollItemsAsync().WaitAsync(NoHang);

        items.Select(i => i.OriginalFileName).Should().BeEquivalentTo("a.pdf", "x.pdf");
        var fifo = items.Single(i => RefusedFileItem.IsRefused(i));
        fifo.Metadata[RefusedFileItem.ReasonMetadataKey].Should().Contain("FIFO");

        await source.RejectAsync(fifo, fifo.Metadata[RefusedFileItem.ReasonMetadataKey], CancellationToken.None).AsTask().WaitAsync(NoHang);

        SourceFiles.EntryExists(Path.Combine(Scans, "x.pdf")).Should().BeFalse();
        File.ReadAllText(Path.Combine(Scans, "quarantine", "x.pdf.reason.txt")).Should().Contain("FIFO");
    }

    [Fact]
    public async Task Poll_SymlinkToFileOutside_RefusedEvenWithFollowSymlinks()
    {
        HostileFiles.LinkToOutsideFile(Scans, "link.pdf", folder.Combine("elsewhere"), "%PDF-1.4 segreto"u8.ToArray());

        var refused = (await Source().PollItemsAsync()).Single();
        var followed = (await Source(followSymlinks: true).PollItemsAsync()).Single();

        refused.Metadata[RefusedFileItem.ReasonMetadataKey].Should().Contain("symbolic link").And.Contain("Channels:posta:FollowSymlinks");
        followed.Metadata[RefusedFileItem.ReasonMetadataKey].Should().Contain("outside the channel's folder");
    }

    [Fact]
    public async Task Poll_FollowSymlinks_LinkInsideTheFolderRead()
    {
        Write("archivio/originale.bin", "%PDF-1.4 dentro");
        File.CreateSymbolicLink(Path.Combine(Scans, "collegamento.pdf"), Path.Combine(Scans, "archivio", "originale.bin"));

        var item = (await Source(followSymlinks: true).PollItemsAsync()).Single();

        RefusedFileItem.IsRefused(item).Should().BeFalse();
        item.SourceKey.Should().Be("file:posta/" + Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData("%PDF-1.4 dentro"u8)));
    }

    private ScanFolderSource Source(bool followSymlinks = false) =>
        new("posta", new ScanFolderChannelOptions { Type = "ScanFolder", Paths = [Scans], StableFor = TimeSpan.FromSeconds(1), FollowSymlinks = followSymlinks },
            time, NullLogger<ScanFolderSource>.Instance);

    private void Write(string relativePath, string content)
    {
        var path = Path.Combine(Scans, relativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, content);
    }
}
