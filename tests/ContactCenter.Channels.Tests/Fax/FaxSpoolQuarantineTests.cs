using System.Security.Cryptography;
using ContactCenter.Channels.Fax;
using ContactCenter.Testing;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace ContactCenter.Channels.Tests.Fax;

/// <summary>A rejected fax left in the spool (no MoveAfterImport, no state file) is rejected again at every start.</summary>
public sealed class FaxSpoolQuarantineTests : IDisposable
{
    private static readonly TimeSpan StableFor = TimeSpan.FromSeconds(10);
    private readonly TempDirectory root = new("cc-fax-quarantine");
    private readonly FakeTimeProvider time = new(new DateTimeOffset(2026, 3, 15, 9, 0, 0, TimeSpan.Zero));

    public FaxSpoolQuarantineTests() => Directory.CreateDirectory(Spool);

    private string Spool => root.Combine("recvq");

    private string Quarantine => root.Combine("quarantine");

    public void Dispose() => root.Dispose();

    [Fact]
    public async Task Reject_SameFaxSetAsideAfterEachRestart_CopiedOnce()
    {
        var path = Path.Combine(Spool, "fax000001.tif");
        TestFaxTiff.Write(path, "COMUNE\n0611111111");

        for (var start = 0; start < 3; start++)
        {
            await RejectAllAsync(NewSource(), $"corrupt at start {start}");
        }

        var copy = Path.Combine(Quarantine, $"fax000001 (sha {Sha256(path)[..8]}).tif");
        Directory.GetFiles(Quarantine).Should().BeEquivalentTo([copy, copy + ".reason.txt"]);
        File.ReadAllBytes(copy).Should().Equal(File.ReadAllBytes(path));
        File.ReadAllText(copy + ".reason.txt").Should().StartWith("corrupt at start 0");
        File.Exists(path).Should().BeTrue("the spool belongs to the gateway");
    }

    [Fact]
    public async Task Reject_SpoolNameReusedForAnotherFax_BothKept()
    {
        var path = Path.Combine(Spool, "fax000002.tif");
        TestFaxTiff.Write(path, "A\n0611111111");
        await RejectAllAsync(NewSource(), "first");
        TestFaxTiff.Write(path, "B\n0622222222");
        File.SetLastWriteTimeUtc(path, time.GetUtcNow().UtcDateTime.AddMinutes(1));

        await RejectAllAsync(NewSource(), "second");

        Directory.GetFiles(Quarantine, "*.tif").Should().HaveCount(2);
        Directory.GetFiles(Quarantine, "*.reason.txt").Should().HaveCount(2);
    }

    [Fact]
    public async Task Reject_CopyGoneFromQuarantine_CopiedAgain()
    {
        var path = Path.Combine(Spool, "fax000003.tif");
        TestFaxTiff.Write(path, "A\n0611111111");
        await RejectAllAsync(NewSource(), "corrupt");
        foreach (var file in Directory.GetFiles(Quarantine))
        {
            File.Delete(file);
        }

        await RejectAllAsync(NewSource(), "corrupt");

        Directory.GetFiles(Quarantine).Should().HaveCount(2, "an admin who cleared quarantine sees the fax again while it is in the spool");
    }

    private async Task RejectAllAsync(FaxSpoolSource source, string reason)
    {
        var items = await source.StableItemsAsync(time, StableFor);
        items.Should().NotBeEmpty();
        foreach (var item in items)
        {
            await source.RejectAsync(item, reason, CancellationToken.None);
        }
    }

    private static string Sha256(string path) => Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(path)));

    /// <summary>A new instance is what a restart or an <c>ingest --once</c> gives: its state is in memory only.</summary>
    private FaxSpoolSource NewSource()
    {
        var options = new FaxSpoolChannelOptions { Type = "FaxSpool", Path = Spool, StableFor = StableFor, QuarantinePath = Quarantine };
        return new FaxSpoolSource("fax-hylafax", options, time, NullLogger<FaxSpoolSource>.Instance);
    }
}
