using System.Security.Cryptography;
using System.Text.Json;
using ContactCenter.Testing;
using ContactCenter.Workers.Tests.TestSupport;
using MimeKit;

namespace ContactCenter.Workers.Tests.Cli;

/// <summary>
/// The service's own disk failing under a message is not the message's fault: nothing is quarantined or moved, the
/// poll fails, and the next one stores it. The failure is real, and needs no privileges: a file stands where the
/// archive must make a blob's folder (<c>{archive}/ab/cd</c>), so its mkdir fails as on a full or read-only disk.
/// </summary>
public sealed class IngestOnceStorageFaultTests : IDisposable
{
    private readonly TempDirectory folder = new("cc-storage-fault");

    public void Dispose() => folder.Dispose();

    [Fact]
    public async Task IngestOnce_ArchiveCannotWriteTheOriginal_PollFailsAndTheMailStays_NextRunStoresIt()
    {
        // Its attachment is read from the original later, so the original is the one file this mail archives.
        var mail = Inbox("02-danni-terremoto.eml");
        var blocked = Block(SHA256.HashData(await File.ReadAllBytesAsync(mail)));
        var config = Config(maxMessageBytes: null);

        var failed = await CliRun.RunAsync(null, "ingest", "--once", "--json", "--config", config);

        await AssertNothingTakenAsync(failed, mail, config);
        File.Delete(blocked);
        var again = await CliRun.RunAsync(null, "ingest", "--once", "--json", "--config", config);
        again.ExitCode.Should().Be(0, again.Error);
        JsonDocument.Parse(again.Output).RootElement.EnumerateArray().Single().GetProperty("created").GetInt32().Should().Be(1);
        File.Exists(mail).Should().BeFalse("stored, then moved to done/");
    }

    [Fact]
    public async Task IngestOnce_RejectedMailWhoseOriginalCannotBeArchived_StaysForALaterPoll()
    {
        var mail = Inbox("02-danni-terremoto.eml");
        var blocked = Block(SHA256.HashData(await File.ReadAllBytesAsync(mail)));
        var config = Config(maxMessageBytes: 1024); // over the limit: quarantined, with its original, once the disk takes it

        var failed = await CliRun.RunAsync(null, "ingest", "--once", "--json", "--config", config);

        await AssertNothingTakenAsync(failed, mail, config);
        File.Delete(blocked);
        var again = await CliRun.RunAsync(null, "ingest", "--once", "--json", "--config", config);
        JsonDocument.Parse(again.Output).RootElement.EnumerateArray().Single().GetProperty("quarantined").GetInt32().Should().Be(1, again.Output);
        var quarantine = await CliRun.RunAsync(null, "quarantine", "list", "--json", "--config", config);
        JsonDocument.Parse(quarantine.Output).RootElement.EnumerateArray().Single().GetProperty("original").ValueKind
            .Should().Be(JsonValueKind.Object, "the record keeps the original's bytes");
    }

    private string Inbox(string sample)
    {
        Directory.CreateDirectory(folder.Combine("inbox"));
        var mail = folder.Combine("inbox", sample);
        File.Copy(Path.Combine(RepositoryPaths.Root, "samples", "mail", sample), mail);
        return mail;
    }

    private string Block(byte[] hash)
    {
        var sha256 = Convert.ToHexStringLower(hash);
        var blocked = folder.Combine("data", "archive", sha256[..2], sha256[2..4]);
        Directory.CreateDirectory(Path.GetDirectoryName(blocked)!);
        File.WriteAllText(blocked, "not a folder");
        return blocked;
    }

    private async Task AssertNothingTakenAsync(CliRun.Result failed, string mail, string config)
    {
        failed.ExitCode.Should().Be(1, failed.Error);
        var summary = JsonDocument.Parse(failed.Output).RootElement.EnumerateArray().Single();
        summary.GetProperty("failed").GetString().Should().Contain("StorageUnavailableException").And.Contain("archive").And.Contain("could not store");
        summary.GetProperty("quarantined").GetInt32().Should().Be(0);
        File.Exists(mail).Should().BeTrue("the mail stays where it was, for the next poll");
        Directory.Exists(folder.Combine("quarantine")).Should().BeFalse();
        var quarantine = await CliRun.RunAsync(null, "quarantine", "list", "--json", "--config", config);
        JsonDocument.Parse(quarantine.Output).RootElement.GetArrayLength().Should().Be(0, quarantine.Output);
    }

    private string Config(int? maxMessageBytes) => JsonConfigFile.Write(folder.Path, new
    {
        Store = new { DataDirectory = folder.Combine("data") },
        Receipts = new { Enabled = false },
        Mail = new { MaxMessageBytes = maxMessageBytes ?? 50 * 1024 * 1024 },
        Channels = new
        {
            drop = new { Type = "MailDrop", Path = folder.Combine("inbox"), DonePath = folder.Combine("done"), QuarantinePath = folder.Combine("quarantine"), StableFor = "00:00:00" },
        },
    });
}
