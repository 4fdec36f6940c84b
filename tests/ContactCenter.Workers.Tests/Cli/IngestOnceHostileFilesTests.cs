using System.Text.Json;
using ContactCenter.Testing;
using ContactCenter.Workers.Tests.TestSupport;

namespace ContactCenter.Workers.Tests.Cli;

/// <summary>The reported case: a FIFO named x.eml in a mail drop hung <c>ingest --once</c> for ever and blocked every file after it.</summary>
public sealed class IngestOnceHostileFilesTests : IDisposable
{
    private readonly TempDirectory folder = new("cc-ingest-hostile");

    public void Dispose() => folder.Dispose();

    [Fact]
    public async Task IngestOnce_FifoAndOutsideLinkInTheDrop_CompletesQuarantinesBothAndIngestsTheRest()
    {
        var inbox = folder.Combine("inbox");
        var sample = Directory.GetFiles(Path.Combine(RepositoryPaths.Root, "samples", "mail"), "*.eml").Order(StringComparer.Ordinal).First();
        Directory.CreateDirectory(inbox);
        HostileFiles.MakeFifo(Path.Combine(inbox, "x.eml"));
        File.Copy(sample, Path.Combine(inbox, "y.eml"));
        HostileFiles.LinkToOutsideFile(inbox, "z.eml", folder.Combine("elsewhere"), File.ReadAllBytes(sample));
        var config = JsonConfigFile.Write(folder.Path, new
        {
            Store = new { DataDirectory = folder.Combine("data") },
            Receipts = new { Enabled = false },
            Channels = new { drop = new { Type = "MailDrop", Path = inbox, QuarantinePath = folder.Combine("quarantine"), StableFor = "00:00:00" } },
        });

        var ingest = await CliRun.RunAsync(null, "ingest", "--once", "--json", "--config", config).WaitAsync(TimeSpan.FromSeconds(90));

        ingest.ExitCode.Should().Be(0, ingest.Error);
        var summary = JsonDocument.Parse(ingest.Output).RootElement.EnumerateArray().Single();
        summary.GetProperty("quarantined").GetInt32().Should().Be(2);
        (summary.GetProperty("created").GetInt32() + summary.GetProperty("autoMail").GetInt32()).Should().Be(1);
        Directory.EnumerateFileSystemEntries(inbox).Where(e => !Directory.Exists(e)).Should().BeEmpty();
        File.ReadAllText(Path.Combine(folder.Combine("quarantine"), "x.eml.reason.txt")).Should().Contain("FIFO");
        File.ReadAllText(Path.Combine(folder.Combine("quarantine"), "z.eml.reason.txt")).Should().Contain("symbolic link");
    }
}
