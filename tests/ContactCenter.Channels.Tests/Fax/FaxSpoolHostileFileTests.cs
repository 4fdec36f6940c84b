using ContactCenter.Channels.Fax;
using ContactCenter.Channels.Files;
using ContactCenter.Testing;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace ContactCenter.Channels.Tests.Fax;

/// <summary>Entries in a fax spool that are not faxes: they must neither hang the poll nor be read.</summary>
public sealed class FaxSpoolHostileFileTests : IDisposable
{
    private static readonly TimeSpan NoHang = TimeSpan.FromSeconds(20);
    private readonly TempDirectory root = new("cc-fax-hostile");
    private readonly FakeTimeProvider time = new(DateTimeOffset.UtcNow.AddHours(1));

    public FaxSpoolHostileFileTests() => Directory.CreateDirectory(Spool);

    private string Spool => root.Combine("recvq");

    private string Quarantine => root.Combine("quarantine");

    public void Dispose() => root.Dispose();

    [Fact]
    public async Task Poll_FifoFaxAndFifoSidecar_NoHang_FifoQuarantined_RealFaxFlows()
    {
        TestFaxTiff.Write(Path.Combine(Spool, "fax00001.tif"), "COMUNE DI PROVA");
        HostileFiles.MakeFifo(Path.Combine(Spool, "fax00001.tif.json"));
        HostileFiles.MakeFifo(Path.Combine(Spool, "fax00002.tif"));
        var source = Source();

        var items = await source.PollItemsAsync().WaitAsync(NoHang);

        items.Single(i => !RefusedFileItem.IsRefused(i)).Metadata.Should().Contain("fax.tsi", "COMUNE DI PROVA");
        var fifo = items.Single(i => RefusedFileItem.IsRefused(i));
        await source.RejectAsync(fifo, fifo.Metadata[RefusedFileItem.ReasonMetadataKey], CancellationToken.None).AsTask().WaitAsync(NoHang);
        SourceFiles.EntryExists(Path.Combine(Spool, "fax00002.tif")).Should().BeFalse("what cannot be copied is moved out of the spool");
        File.ReadAllText(Path.Combine(Quarantine, "fax00002.tif.reason.txt")).Should().Contain("FIFO");
    }

    [Fact]
    public async Task Poll_SymlinkToFileOutside_Refused()
    {
        HostileFiles.LinkToOutsideFile(Spool, "fax00003.tif", root.Combine("elsewhere"), [0x49, 0x49, 0x2A, 0x00]);

        var item = (await Source().PollItemsAsync()).Single();

        item.Metadata[RefusedFileItem.ReasonMetadataKey].Should().Contain("symbolic link").And.Contain("Channels:fax:FollowSymlinks");
    }

    private FaxSpoolSource Source() =>
        new("fax", new FaxSpoolChannelOptions { Type = "FaxSpool", Path = Spool, StableFor = TimeSpan.FromSeconds(1), QuarantinePath = Quarantine },
            time, NullLogger<FaxSpoolSource>.Instance);
}
