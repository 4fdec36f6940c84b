using ContactCenter.Channels.Email;
using ContactCenter.Channels.Fax;
using ContactCenter.Channels.Files;
using ContactCenter.Channels.Postal;
using ContactCenter.Channels.Tests.Fax;
using ContactCenter.Testing;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace ContactCenter.Channels.Tests.Files;

/// <summary>
/// A file whose modification time .NET cannot hold (year 11476: an SMB client or tmpfs keeps what it was given) read
/// by each file channel: it is offered like any file and the file beside it flows. Reading its time threw at every
/// poll, so nothing in the folder was read again. tmpfs (/dev/shm) keeps such a time; ext4 would clamp it.
/// </summary>
public sealed class FarFileTimeTests : IDisposable
{
    private const string Year11476 = "@300000000000";
    private readonly string root = Directory.CreateDirectory(Path.Combine("/dev/shm", $"cc-far-time-{Guid.NewGuid():N}")).FullName;
    private readonly FakeTimeProvider time = new(DateTimeOffset.UtcNow.AddHours(1));

    public void Dispose() => Directory.Delete(root, recursive: true);

    [Fact]
    public async Task MailDrop_FileDatedYear11476_OfferedBesideTheOthers()
    {
        var drop = Directory.CreateDirectory(Path.Combine(root, "drop")).FullName;
        await File.WriteAllTextAsync(Path.Combine(drop, "a.eml"), "Subject: uno\n\ntesto\n");
        await File.WriteAllTextAsync(Path.Combine(drop, "b.eml"), "Subject: due\n\ntesto\n");
        await FarInTheFutureAsync(Path.Combine(drop, "b.eml"));
        await using var source = new MailDropSource("drop", new MailDropChannelOptions { Type = "MailDrop", Path = drop, StableFor = TimeSpan.Zero },
            NullLogger<MailDropSource>.Instance, time);

        var items = (await source.PollAllAsync(acknowledge: false)).Items();

        items.Select(i => i.SourceKey).Should().HaveCount(2).And.OnlyHaveUniqueItems();
    }

    [Fact]
    public async Task ScanFolder_FileDatedYear11476_OfferedBesideTheOthers()
    {
        var scans = Directory.CreateDirectory(Path.Combine(root, "scans")).FullName;
        await File.WriteAllBytesAsync(Path.Combine(scans, "a.pdf"), "%PDF-1.4 uno"u8.ToArray());
        await File.WriteAllBytesAsync(Path.Combine(scans, "b.pdf"), "%PDF-1.4 due"u8.ToArray());
        await FarInTheFutureAsync(Path.Combine(scans, "b.pdf"));
        var source = new ScanFolderSource("posta", new ScanFolderChannelOptions { Type = "ScanFolder", Paths = [scans], StableFor = TimeSpan.FromSeconds(10) },
            time, NullLogger<ScanFolderSource>.Instance);

        var items = await source.PollItemsAsync(); // written an hour before the clock: already still

        items.Select(i => i.OriginalFileName).Should().BeEquivalentTo(["a.pdf", "b.pdf"]);
    }

    [Fact]
    public async Task FaxSpool_FileDatedYear11476_OfferedBesideTheOthers_UnchangedFromPollToPoll()
    {
        var spool = Directory.CreateDirectory(Path.Combine(root, "recvq")).FullName;
        TestFaxTiff.Write(Path.Combine(spool, "fax00001.tif"), "COMUNE DI PROVA");
        TestFaxTiff.Write(Path.Combine(spool, "fax00002.tif"), "COMUNE DI ALTROVE");
        await FarInTheFutureAsync(Path.Combine(spool, "fax00002.tif"));
        var source = new FaxSpoolSource("fax", new FaxSpoolChannelOptions { Type = "FaxSpool", Path = spool, StableFor = TimeSpan.FromSeconds(1) },
            time, NullLogger<FaxSpoolSource>.Instance);

        var items = await source.PollItemsAsync();

        items.Should().HaveCount(2);
        var far = items.Single(i => i.OriginalFileName == "fax00002.tif");
        SourceFiles.IsUnchanged(Path.Combine(spool, "fax00002.tif"), far.Length!.Value, ((FaxSpoolFile)far.SourceState!).LastWriteUtc)
            .Should().BeTrue("the stand-in time is the same at every read, so acknowledging can tell the file was not rewritten");
    }

    private static async Task FarInTheFutureAsync(string path)
    {
        var touch = await ProcessRunner.RunAsync("touch", ["-m", "-d", Year11476, path], TimeSpan.FromSeconds(30));
        touch.ExitCode.Should().Be(0, touch.StandardError);
        var read = () => new FileInfo(path).LastWriteTimeUtc;
        read.Should().Throw<ArgumentOutOfRangeException>("the file system must keep the time for this test to mean anything");
    }
}
