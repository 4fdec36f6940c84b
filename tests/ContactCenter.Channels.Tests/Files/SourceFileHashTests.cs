using System.Security.Cryptography;
using ContactCenter.Channels.Files;
using ContactCenter.Testing;

namespace ContactCenter.Channels.Tests.Files;

public sealed class SourceFileHashTests : IDisposable
{
    private readonly TempDirectory temp = new("cc-hash");

    public SourceFileHashTests() => Directory.CreateDirectory(Folder);

    private string Folder => temp.Combine("scans");

    private SourceFileRules Rules => new(Folder, FollowSymlinks: false, TimeSpan.FromSeconds(5), "Channels:scan");

    public void Dispose() => temp.Dispose();

    [Fact]
    public async Task Read_RegularFile_HashedWithItsSha256()
    {
        var path = Path.Combine(Folder, "lettera.pdf");
        await File.WriteAllBytesAsync(path, [1, 2, 3, 4]);

        var hash = await SourceFileHash.ReadAsync(path, Rules, CancellationToken.None);

        hash.Outcome.Should().Be(SourceFileHashOutcome.Hashed);
        hash.Sha256.Should().Be(Convert.ToHexStringLower(SHA256.HashData([1, 2, 3, 4])));
    }

    [Fact]
    public async Task Read_FileAWriterHolds_StillOpen()
    {
        var path = Path.Combine(Folder, "scan.tif");
        await using var writer = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None);
        writer.WriteByte(1);

        var hash = await SourceFileHash.ReadAsync(path, Rules, CancellationToken.None);

        hash.Outcome.Should().Be(SourceFileHashOutcome.StillOpen);
    }

    [Fact]
    public async Task Read_FileGoneSinceListing_Vanished()
    {
        var hash = await SourceFileHash.ReadAsync(Path.Combine(Folder, "gone.pdf"), Rules, CancellationToken.None);

        hash.Outcome.Should().Be(SourceFileHashOutcome.Vanished);
    }

    [Fact]
    public async Task Read_Fifo_RefusedWithTheReason_WithoutBlocking()
    {
        var path = Path.Combine(Folder, "x.pdf");
        HostileFiles.MakeFifo(path);

        var hash = await SourceFileHash.ReadAsync(path, Rules, CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(20));

        hash.Outcome.Should().Be(SourceFileHashOutcome.Refused);
        hash.RefusedReason.Should().Contain("x.pdf");
    }

    [Fact]
    public async Task Read_LinkOutsideTheFolder_RefusedNamingTheKey()
    {
        HostileFiles.LinkToOutsideFile(Folder, "link.pdf", temp.Combine("outside"), [9]);

        var hash = await SourceFileHash.ReadAsync(Path.Combine(Folder, "link.pdf"), Rules, CancellationToken.None);

        hash.Outcome.Should().Be(SourceFileHashOutcome.Refused);
        hash.RefusedReason.Should().Contain("Channels:scan:FollowSymlinks");
    }
}
