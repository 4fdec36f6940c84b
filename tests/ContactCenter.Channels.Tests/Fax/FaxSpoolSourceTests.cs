using System.Security.Cryptography;
using ContactCenter.Channels.Fax;
using ContactCenter.Core.Intake;
using ContactCenter.Testing;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace ContactCenter.Channels.Tests.Fax;

public sealed class FaxSpoolSourceTests : IDisposable
{
    private static readonly TimeSpan StableFor = TimeSpan.FromSeconds(10);
    private readonly TempDirectory root = new("cc-fax");
    private readonly FakeTimeProvider time = new(new DateTimeOffset(2026, 3, 15, 9, 0, 0, TimeSpan.Zero));

    public FaxSpoolSourceTests()
    {
        Directory.CreateDirectory(Spool);
        time.SetLocalTimeZone(TimeZoneInfo.FindSystemTimeZoneById("Europe/Rome"));
    }

    private string Spool => root.Combine("recvq");

    public void Dispose() => root.Dispose();

    [Fact]
    public async Task Poll_HylaFaxImageDescription_TsiCallerIdAndReceivedTime()
    {
        TestFaxTiff.Write(Path.Combine(Spool, "fax00012.tif"), "COMUNE DI PROVA\n0612345678\nMario Rossi", "2026:03:15 10:20:30");

        var item = (await Source().StableItemsAsync(time, StableFor)).Single();

        item.Channel.Should().Be(Core.Tickets.ChannelKind.Fax);
        item.OriginalContentType.Should().Be("image/tiff");
        item.Metadata.Should().Contain("fax.tsi", "COMUNE DI PROVA").And.Contain("fax.callerId", "0612345678").And.Contain("fax.callerName", "Mario Rossi");
        item.ReceivedAt.Should().Be(new DateTimeOffset(2026, 3, 15, 10, 20, 30, TimeSpan.FromHours(1)));
    }

    [Fact]
    public async Task Poll_ServerClockInUtc_TiffDateTimeReadAsRomeTime()
    {
        // A container or server on UTC: the gateway still stamps its TIFFs in Italian local time.
        time.SetLocalTimeZone(TimeZoneInfo.Utc);
        TestFaxTiff.Write(Path.Combine(Spool, "fax00016.tif"), "COMUNE DI PROVA", "2026:07:15 10:20:30");

        var item = (await Source().StableItemsAsync(time, StableFor)).Single();

        item.ReceivedAt.Should().Be(new DateTimeOffset(2026, 7, 15, 10, 20, 30, TimeSpan.FromHours(2)));
    }

    [Fact]
    public async Task Poll_LabelledCallIdsAndNoDateTime_MtimeUsed()
    {
        var path = Path.Combine(Spool, "fax00013.tif");
        TestFaxTiff.Write(path, "+39 06 7654321\nCIDName\tStudio Bianchi\nCIDNumber\t06 7654321");
        var mtime = new DateTime(2026, 3, 14, 7, 0, 0, DateTimeKind.Utc);
        File.SetLastWriteTimeUtc(path, mtime);

        // Untouched since the day before: taken at first sight, no stability wait.
        var item = (await Source().PollItemsAsync()).Single();

        item.Metadata.Should().Contain("fax.callerId", "06 7654321").And.Contain("fax.callerName", "Studio Bianchi").And.Contain("fax.tsi", "+39 06 7654321");
        item.ReceivedAt.Should().Be(new DateTimeOffset(mtime));
    }

    [Fact]
    public async Task Poll_JsonSidecar_FillsAndOverridesTags()
    {
        var path = Path.Combine(Spool, "fax00014.tif");
        TestFaxTiff.Write(path, "VECCHIO TSI");
        File.WriteAllText(path + ".json", """{"tsi":"PREFETTURA","callerId":"+390612340000","receivedAt":"2026-03-15T08:00:00Z"}""");

        var item = (await Source().StableItemsAsync(time, StableFor)).Single();

        item.Metadata.Should().Contain("fax.tsi", "PREFETTURA").And.Contain("fax.callerId", "+390612340000");
        item.ReceivedAt.Should().Be(new DateTimeOffset(2026, 3, 15, 8, 0, 0, TimeSpan.Zero));
    }

    [Fact]
    public async Task Poll_FaxinfoStyleMetaSidecar()
    {
        var path = Path.Combine(Spool, "fax00015.tif");
        TestFaxTiff.Write(path, null);
        File.WriteAllText(path + ".meta", "    Sender: ASL ROMA 1\n     Pages: 2\n  Received: 2026:03:15 11:00:00\n   CallID1: 0698765432\n   CallID2: ASL\n");

        var item = (await Source().StableItemsAsync(time, StableFor)).Single();

        item.Metadata.Should().Contain("fax.tsi", "ASL ROMA 1").And.Contain("fax.callerId", "0698765432").And.Contain("fax.callerName", "ASL");
        item.ReceivedAt.Should().Be(new DateTimeOffset(2026, 3, 15, 11, 0, 0, TimeSpan.FromHours(1)));
    }

    [Fact]
    public async Task Poll_OnlyThePattern_AndKeyedBySha256()
    {
        var path = Path.Combine(Spool, "fax00016.tif");
        TestFaxTiff.Write(path, "X");
        File.WriteAllText(Path.Combine(Spool, "seqf"), "16");
        TestFaxTiff.Write(Path.Combine(Spool, "altro.tif"), "Y");

        var item = (await Source().StableItemsAsync(time, StableFor)).Single();

        item.OriginalFileName.Should().Be("fax00016.tif");
        item.SourceKey.Should().Be($"file:fax-hylafax/{Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(path)))}");
    }

    [Fact]
    public async Task PollAcknowledgeReject_FilesNeverModified()
    {
        var first = Path.Combine(Spool, "fax00017.tif");
        var second = Path.Combine(Spool, "fax00018.tif");
        TestFaxTiff.Write(first, "A\n0611111111");
        TestFaxTiff.Write(second, "B\n0622222222");
        var before = Fingerprints();
        var source = Source(o => o.QuarantinePath = root.Combine("quarantine"));

        var items = await source.StableItemsAsync(time, StableFor);
        await source.AcknowledgeAsync([items.Single(i => i.OriginalFileName == "fax00017.tif")], CancellationToken.None);
        await source.RejectAsync(items.Single(i => i.OriginalFileName == "fax00018.tif"), "corrupt", CancellationToken.None);

        Fingerprints().Should().BeEquivalentTo(before);
        var copy = root.Combine("quarantine", FaxQuarantineCopy.NameFor("fax00018.tif", Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(second)))));
        File.ReadAllBytes(copy).Should().Equal(File.ReadAllBytes(second));
        File.ReadAllText(copy + ".reason.txt").Should().StartWith("corrupt");
        time.Advance(StableFor);
        (await source.PollItemsAsync()).Should().BeEmpty("imported and rejected faxes are remembered");
    }

    [Fact]
    public async Task Acknowledge_WithStateFile_RememberedAfterRestart()
    {
        TestFaxTiff.Write(Path.Combine(Spool, "fax00019.tif"), "A");
        var statePath = root.Combine("state", "fax-hylafax.processed");
        var source = Source(o => o.ProcessedStatePath = statePath);
        await source.AcknowledgeAsync(await source.StableItemsAsync(time, StableFor), CancellationToken.None);

        var restarted = Source(o => o.ProcessedStatePath = statePath);
        await restarted.PollItemsAsync();
        time.Advance(StableFor);

        (await restarted.PollItemsAsync()).Should().BeEmpty();
        File.ReadAllText(statePath).Should().Contain("fax00019.tif");
    }

    [Fact]
    public async Task Acknowledge_MoveAfterImport_MovesToDoneYearMonth()
    {
        TestFaxTiff.Write(Path.Combine(Spool, "fax00020.tif"), "A");
        var source = Source(o => (o.MoveAfterImport, o.DonePath) = (true, root.Combine("done")));

        await source.AcknowledgeAsync(await source.StableItemsAsync(time, StableFor), CancellationToken.None);

        File.Exists(root.Combine("done", "2026", "03", "fax00020.tif")).Should().BeTrue();
        Directory.GetFiles(Spool).Should().BeEmpty();
    }

    [Fact]
    public async Task Poll_CorruptTiff_StillOfferedForTheReaderToQuarantine()
    {
        File.WriteAllText(Path.Combine(Spool, "fax00021.tif"), "not a tiff at all");

        var item = (await Source().StableItemsAsync(time, StableFor)).Single();

        item.Metadata.Should().NotContainKey("fax.tsi");
    }

    [Theory]
    [InlineData("""{"tsi":"PREFETTURA","TSI":"ALTRO"}""", "PREFETTURA")]
    [InlineData("""["not", "an", "object"]""", "COMUNE DI PROVA")]
    [InlineData("\"just a string\"", "COMUNE DI PROVA")]
    public async Task Poll_HostileJsonSidecar_FaxStillOffered(string sidecar, string expectedTsi)
    {
        var path = Path.Combine(Spool, "fax00015.tif");
        TestFaxTiff.Write(path, "COMUNE DI PROVA");
        File.WriteAllText(path + ".json", sidecar);

        var item = (await Source().StableItemsAsync(time, StableFor)).Single();

        item.Metadata.Should().Contain("fax.tsi", expectedTsi);
    }

    [Fact]
    public async Task Poll_FaxStillBeingReceived_NotTaken()
    {
        var path = Path.Combine(Spool, "fax00022.tif");
        TestFaxTiff.Write(path, "A");
        await using var receiving = new FileStream(path, FileMode.Open, FileAccess.ReadWrite, FileShare.Read);

        (await Source().StableItemsAsync(time, StableFor)).Should().BeEmpty();
    }

    private Dictionary<string, (string Sha, DateTime Mtime)> Fingerprints() =>
        Directory.GetFiles(Spool).ToDictionary(
            f => f, f => (Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(f))), File.GetLastWriteTimeUtc(f)));

    private FaxSpoolSource Source(Action<FaxSpoolChannelOptions>? configure = null)
    {
        var options = new FaxSpoolChannelOptions { Type = "FaxSpool", Path = Spool, StableFor = StableFor };
        configure?.Invoke(options);
        return new FaxSpoolSource("fax-hylafax", options, time, NullLogger<FaxSpoolSource>.Instance);
    }
}
