using ContactCenter.Channels.Files;
using ContactCenter.Testing;

namespace ContactCenter.Channels.Tests.Files;

/// <summary>
/// Moves from a channel's folder to a folder on another file system (/dev/shm, a tmpfs, against the temp folder's
/// disk), where rename(2) cannot work: a link stays a link, a FIFO is never opened, a file keeps its bytes.
/// </summary>
public sealed class EntryTransferTests : IDisposable
{
    private readonly TempDirectory temp = new("cc-transfer");
    private readonly string shm = Path.Combine("/dev/shm", "cc-transfer-" + Guid.NewGuid().ToString("N")[..8]);

    public EntryTransferTests()
    {
        Directory.CreateDirectory(shm);
        Directory.CreateDirectory(Folder);
    }

    private string Folder => Path.Combine(shm, "scans");

    private string Elsewhere => temp.Path;

    public void Dispose()
    {
        Directory.Delete(shm, recursive: true);
        temp.Dispose();
    }

    [Fact]
    public async Task Move_AcrossFileSystems_RegularFileKeepsItsBytes_LinkStaysALink_FifoNeverOpened()
    {
        var probe = Path.Combine(Folder, "probe");
        File.WriteAllText(probe, "x");
        UnixFileApi.Rename(probe, Path.Combine(Elsewhere, "probe")).Should().Be(-1);
        UnixFileApi.LastError.Should().Be(UnixFileApi.CrossDevice, "the test needs two file systems");

        File.WriteAllBytes(Path.Combine(Folder, "lettera.pdf"), [1, 2, 3]);
        var secret = HostileFiles.LinkToOutsideFile(Folder, "link.pdf", Path.Combine(shm, "private"), "segreto"u8.ToArray());
        HostileFiles.MakeFifo(Path.Combine(Folder, "pipe.pdf"));

        EntryTransfer.Move(Path.Combine(Folder, "lettera.pdf"), Path.Combine(Elsewhere, "lettera.pdf"));
        EntryTransfer.Move(Path.Combine(Folder, "link.pdf"), Path.Combine(Elsewhere, "link.pdf"));
        var fifo = Task.Run(() => EntryTransfer.Move(Path.Combine(Folder, "pipe.pdf"), Path.Combine(Elsewhere, "pipe.pdf")));
        (await Task.WhenAny(fifo, Task.Delay(TimeSpan.FromSeconds(10)))).Should().BeSameAs(fifo, "opening a FIFO for a copy would block for ever");
        await fifo;

        File.ReadAllBytes(Path.Combine(Elsewhere, "lettera.pdf")).Should().Equal(1, 2, 3);
        new FileInfo(Path.Combine(Elsewhere, "link.pdf")).LinkTarget.Should().Be(secret, "the link, not what it points at, is set aside");
        File.Exists(Path.Combine(Elsewhere, "pipe.pdf")).Should().BeFalse("a FIFO holds nothing to keep");
        Directory.EnumerateFileSystemEntries(Folder).Should().ContainSingle().Which.Should().EndWith("probe");
    }

    [Fact]
    public async Task Copy_LinkOrFifo_NeverReadsThrough()
    {
        var secret = HostileFiles.LinkToOutsideFile(Folder, "link.pdf", Path.Combine(shm, "private"), "segreto"u8.ToArray());
        HostileFiles.MakeFifo(Path.Combine(Folder, "pipe.pdf"));

        EntryTransfer.Copy(Path.Combine(Folder, "link.pdf"), Path.Combine(Elsewhere, "link.pdf"));
        var fifo = Task.Run(() => EntryTransfer.Copy(Path.Combine(Folder, "pipe.pdf"), Path.Combine(Elsewhere, "pipe.pdf")));
        (await Task.WhenAny(fifo, Task.Delay(TimeSpan.FromSeconds(10)))).Should().BeSameAs(fifo);
        await fifo;

        new FileInfo(Path.Combine(Elsewhere, "link.pdf")).LinkTarget.Should().Be(secret);
        File.Exists(Path.Combine(Folder, "pipe.pdf")).Should().BeTrue("a copy leaves the entry where it is");
    }
}
