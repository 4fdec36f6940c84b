using System.Text.Json;
using ContactCenter.Testing;
using ContactCenter.Workers.Tests.TestSupport;

namespace ContactCenter.Workers.Tests.Cli;

/// <summary>
/// A quarantined item that cannot be moved aside (here the quarantine folder cannot be made: a file stands in its
/// place, as a full or read-only disk would refuse it) is recorded all the same and stays where it is; the other
/// items of the channel still become tickets, and the next poll tries the move again.
/// </summary>
public sealed class IngestOnceSetAsideFaultTests : IDisposable
{
    private readonly TempDirectory folder = new("cc-set-aside");

    public void Dispose() => folder.Dispose();

    [Fact]
    public async Task IngestOnce_QuarantineFolderUnusable_RefusedEntryRecordedAndLeft_TheMailBesideItStillATicket()
    {
        Directory.CreateDirectory(folder.Combine("inbox"));
        File.Copy(Path.Combine(RepositoryPaths.Root, "samples", "mail", "02-danni-terremoto.eml"), folder.Combine("inbox", "02-danni-terremoto.eml"));
        HostileFiles.MakeFifo(folder.Combine("inbox", "00-pipe.eml"));
        File.WriteAllText(folder.Combine("quarantine"), "a file where the quarantine folder should be");
        var config = JsonConfigFile.Write(folder.Path, new
        {
            Store = new { DataDirectory = folder.Combine("data") },
            Receipts = new { Enabled = false },
            Channels = new
            {
                drop = new { Type = "MailDrop", Path = folder.Combine("inbox"), DonePath = folder.Combine("done"), QuarantinePath = folder.Combine("quarantine"), StableFor = "00:00:00" },
            },
        });

        var run = await CliRun.RunAsync(null, "ingest", "--once", "--json", "--config", config);

        run.ExitCode.Should().Be(0, run.Error + run.Output);
        var summary = JsonDocument.Parse(run.Output).RootElement.EnumerateArray().Single();
        summary.GetProperty("created").GetInt32().Should().Be(1);
        summary.GetProperty("quarantined").GetInt32().Should().Be(1);
        File.Exists(folder.Combine("inbox", "02-danni-terremoto.eml")).Should().BeFalse("stored, then moved to done/");
        File.Exists(folder.Combine("inbox", "00-pipe.eml")).Should().BeTrue("it could not be moved aside: it stays for the next poll");
        var quarantine = await CliRun.RunAsync(null, "quarantine", "list", "--json", "--config", config);
        var record = JsonDocument.Parse(quarantine.Output).RootElement.EnumerateArray().Single();
        record.GetProperty("reason").GetString().Should().Contain("FIFO");
        record.GetProperty("itemMetadata").GetProperty("file.refused").GetString().Should().Contain("FIFO", "the item's metadata is kept with its record");
    }
}
