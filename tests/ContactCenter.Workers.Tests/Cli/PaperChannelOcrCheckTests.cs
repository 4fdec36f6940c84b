using ContactCenter.Testing;
using ContactCenter.Workers.Tests.TestSupport;

namespace ContactCenter.Workers.Tests.Cli;

/// <summary>
/// A broken OCR (here a language whose data is not installed) stops what reads paper, with what to install, and nothing
/// else: operators still list tickets and read the statistics, and an admin still sees the service's status.
/// </summary>
public sealed class PaperChannelOcrCheckTests : IDisposable
{
    private readonly TempDirectory folder = new("cc-ocr-check");

    public void Dispose() => folder.Dispose();

    [Fact]
    public async Task OcrLanguageMissing_IngestRefusesWithTheReason_TicketsStatsAndStatusStillWork()
    {
        var inbox = Directory.CreateDirectory(folder.Combine("inbox")).FullName;
        var numbers = await KnownStore.BuildAsync(folder.Combine("data"));
        var config = JsonConfigFile.Write(folder.Path, new
        {
            Store = new { DataDirectory = folder.Combine("data") },
            Receipts = new { Enabled = false },
            Ocr = new { Languages = "ita+klingon" },
            Channels = new { posta = new { Type = "ScanFolder", Paths = new[] { inbox }, DonePath = folder.Combine("done") } },
        });

        var ingest = await CliRun.RunAsync(null, "ingest", "--once", "--config", config);
        var list = await CliRun.RunAsync(null, "tickets", "list", "--config", config);
        var stats = await CliRun.RunAsync(null, "stats", "--config", config);
        var status = await CliRun.RunAsync(null, "status", "--config", config);

        ingest.ExitCode.Should().Be(2, ingest.Output);
        ingest.Error.Should().Contain("ContactCenter:Ocr: ").And.Contain("klingon.traineddata not found").And.Contain("needed by channel posta");
        list.ExitCode.Should().Be(0, list.Error);
        list.Output.Should().Contain("4 ticket(s)").And.Contain(numbers["B"]);
        stats.ExitCode.Should().Be(0, stats.Error);
        status.ExitCode.Should().Be(0, status.Error);
        status.Output.Should().Contain("posta");
    }
}
