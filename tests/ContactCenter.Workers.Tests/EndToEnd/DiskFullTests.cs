using System.Text.Json;
using ContactCenter.Testing;
using ContactCenter.Testing.Storage;
using ContactCenter.Workers.Tests.Control;
using static ContactCenter.Workers.Tests.EndToEnd.DiskFullRecovery;

namespace ContactCenter.Workers.Tests.EndToEnd;

/// <summary>
/// The running service with its ticket database, or its whole data folder, on a disk that fills in the middle of a surge
/// (a small tmpfs; the mail folders elsewhere), then an admin makes room. LiteDB left the transaction of the commit that
/// failed open with its locks, so the service stayed stuck after the disk was freed and could not stop.
/// </summary>
public sealed class DiskFullTests : IDisposable
{
    private const int Messages = 1_500;
    private readonly TempDirectory folder = new("cc-disk-full");

    public void Dispose() => folder.Dispose();

    /// <param name="onSmallDisk">The database alone (its archive elsewhere), the archive of originals alone (a volume of its own), or the whole data folder: database, archive, spool.</param>
    [Theory]
    [InlineData("DatabasePath")]
    [InlineData("DataDirectory")]
    [InlineData("ArchivePath")]
    public async Task Run_DiskFillsThenFreed_EveryMessageOneTicketAndIngestResumesAlone(string onSmallDisk)
    {
        await using var disk = await SmallDisk.MountAsync(1 << 20);
        var inbox = folder.Combine("inbox");
        Directory.CreateDirectory(inbox);
        for (var n = 0; n < Messages; n++)
        {
            await CitizenMail.Request(n, "disco").WriteToAsync(Path.Combine(inbox, $"m{n:D4}.eml"));
        }

        var store = JsonConfigFile.Write(folder.Path, new
        {
            Store = new Dictionary<string, string> { [onSmallDisk] = onSmallDisk == "DatabasePath" ? disk.Combine("tickets.db") : disk.Path },
        });
        var pipeline = new { FailureBackoff = "00:00:00.200", MaxFailureBackoff = "00:00:00.500", ModeCheckInterval = "00:00:01" };
        await using (var service = await ServiceTestHost.StartAsync(folder.Path, MailDrop.Channel(folder, "drop", inbox), pipeline, extraConfig: store))
        {
            // Polls go on failing while the disk is full: after the first (often the checkpoint of a batch whose commit
            // reached the log) come batches whose commit itself fails.
            var failing = await service.WaitForStatusAsync(
                s => LastError(s).Contains("No space left on device") && Channel(s).GetProperty("consecutiveFailures").GetInt32() >= 5, TimeSpan.FromSeconds(60));
            LastError(failing).Should().Contain("No space left on device", "the disk filled up");
            Channel(failing).GetProperty("consecutiveFailures").GetInt32().Should().BeGreaterThanOrEqualTo(5);

            using (var health = await service.Http.GetAsync("health"))
            {
                var report = JsonDocument.Parse(await health.Content.ReadAsStringAsync()).RootElement;
                report.GetProperty("status").GetString().Should().NotBe("Healthy");
                report.GetProperty("reason").GetString().Should().Contain("No space left on device");
            }

            await disk.GrowAsync(64 << 20);

            await EveryMessageOnceAsync(service, inbox, Messages);
        }

        Directory.GetFiles(folder.Combine("done"), "*", SearchOption.AllDirectories).Should().HaveCount(Messages);
    }
}
