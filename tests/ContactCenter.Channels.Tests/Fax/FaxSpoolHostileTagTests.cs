using ContactCenter.Channels.Fax;
using ContactCenter.Testing;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace ContactCenter.Channels.Tests.Fax;

/// <summary>
/// Faxes whose tags made LibTiff.NET, which read them before <see cref="TiffAsciiTags"/>, throw (found by mutation
/// fuzzing) or take 11 s and 3.7 GB (found by afl), all in HostileTags/, and sidecars with dates out of range: each
/// still becomes an item, for the OCR reader to quarantine, and the poll goes on. Thrown out of the poll, they failed
/// every later poll of the spool on the same file.
/// </summary>
public sealed class FaxSpoolHostileTagTests : IDisposable
{
    private static readonly string Inputs = Path.Combine(RepositoryPaths.Root, "tests", "ContactCenter.Channels.Tests", "Fax", "HostileTags");
    private readonly TempDirectory root = new("cc-fax-tags");
    private readonly FakeTimeProvider time = new(DateTimeOffset.UtcNow.AddHours(1));

    public FaxSpoolHostileTagTests() => Directory.CreateDirectory(Spool);

    public static TheoryData<string> HostileTiffs => [.. Directory.GetFiles(Inputs, "*.tif").Select(f => Path.GetFileName(f)).Order(StringComparer.Ordinal)];

    private string Spool => root.Combine("recvq");

    public void Dispose() => root.Dispose();

    [Theory]
    [MemberData(nameof(HostileTiffs))]
    public async Task Poll_TiffWhoseTagsThrow_StillAnItem_AndTheFaxBesideItFlows(string name)
    {
        File.Copy(Path.Combine(Inputs, name), Path.Combine(Spool, "fax00001.tif"));
        TestFaxTiff.Write(Path.Combine(Spool, "fax00002.tif"), "COMUNE DI PROVA");

        var items = await Source().PollItemsAsync();

        items.Should().HaveCount(2);
        items.Single(i => i.OriginalFileName == "fax00002.tif").Metadata.Should().Contain("fax.tsi", "COMUNE DI PROVA");
    }

    [Theory]
    [InlineData("fax00001.tif.json", """{"tsi":"X","receivedAt":"0001-01-01T00:00:00"}""")]
    [InlineData("fax00001.tif.meta", "Sender: X\nReceived: 0001:01:01 00:00:00\n")]
    public async Task Poll_SidecarDateBeforeYearOneInUtc_ItemKeepsTheFileTime(string sidecar, string text)
    {
        TestFaxTiff.Write(Path.Combine(Spool, "fax00001.tif"), "COMUNE DI PROVA");
        await File.WriteAllTextAsync(Path.Combine(Spool, sidecar), text);

        var item = (await Source().PollItemsAsync()).Single();

        item.ReceivedAt.Should().Be(new DateTimeOffset(File.GetLastWriteTimeUtc(Path.Combine(Spool, "fax00001.tif")), TimeSpan.Zero),
            "midnight of year 1 in Rome is before year 1 in UTC: no time, not an exception");
    }

    private FaxSpoolSource Source() =>
        new("fax", new FaxSpoolChannelOptions { Type = "FaxSpool", Path = Spool, StableFor = TimeSpan.FromSeconds(1), TimeZone = "Europe/Rome" },
            time, NullLogger<FaxSpoolSource>.Instance);
}
