using System.Text.Json;
using ContactCenter.Testing;
using ContactCenter.Testing.Scans;
using ContactCenter.Workers.Tests.TestSupport;

namespace ContactCenter.Workers.Tests.Cli;

public sealed class ScanFolderIngestTests(ScanFixtures scans) : IClassFixture<ScanFixtures>, IDisposable
{
    private readonly TempDirectory folder = new("cc-scanfolder");

    public void Dispose() => folder.Dispose();

    [Fact]
    public async Task IngestOnce_BatchScanAndSingleLetter_OneTicketPerLetterWithRealOcr()
    {
        var inbox = folder.Combine("scans");
        Directory.CreateDirectory(inbox);
        File.Copy(scans.BatchWithBlankSeparatorsTiff, Path.Combine(inbox, "batch.tif"));
        File.Copy(scans.Letter300Png, Path.Combine(inbox, "lettera.png"));
        var config = JsonConfigFile.Write(folder.Path, new
        {
            Store = new { DataDirectory = folder.Combine("data") },
            Receipts = new { Enabled = false },
            Channels = new { posta = new { Type = "ScanFolder", Paths = new[] { inbox }, StableFor = "00:00:00", DonePath = folder.Combine("done") } },
        });

        var ingest = await CliRun.RunAsync(null, "ingest", "--once", "--json", "--config", config);

        ingest.ExitCode.Should().Be(0, ingest.Error);
        var summary = JsonDocument.Parse(ingest.Output).RootElement.EnumerateArray().Single();
        summary.GetProperty("fetched").GetInt32().Should().Be(2);
        summary.GetProperty("created").GetInt32().Should().Be(4, "the batch holds three letters split at blank pages");
        Directory.GetFiles(inbox).Should().BeEmpty();
        var list = await CliRun.RunAsync(null, "tickets", "list", "--json", "--config", config);
        var tickets = JsonDocument.Parse(list.Output).RootElement.GetProperty("tickets").EnumerateArray().ToList();
        tickets.Should().HaveCount(4).And.OnlyContain(t => t.GetProperty("channel").GetString() == "Postal");
    }
}
