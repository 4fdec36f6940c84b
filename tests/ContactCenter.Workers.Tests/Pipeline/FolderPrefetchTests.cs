using System.Globalization;
using ContactCenter.Core.Pipeline;
using ContactCenter.Testing;
using ContactCenter.Testing.Scans;
using ContactCenter.Workers.Tests.EndToEnd;
using UglyToad.PdfPig.Content;
using UglyToad.PdfPig.Core;
using UglyToad.PdfPig.Writer;

namespace ContactCenter.Workers.Tests.Pipeline;

/// <summary>
/// The pipelined poll of the folder sources over real files and the real store, as <see cref="PrefetchOrderingTests"/>
/// does for IMAP: the next batch's files are read while the current one is stored, batch 2's commit fails (a crash
/// there) while batch 3 is read, and nothing of batch 2 or 3 may have been moved; a restart stores the rest once.
/// </summary>
public sealed class FolderPrefetchTests(ScanFixtures scans) : IClassFixture<ScanFixtures>, IDisposable
{
    private readonly TempDirectory folder = new("cc-folder-prefetch");

    private string Inbox => folder.Combine("inbox");

    private string Done => folder.Combine("done");

    public void Dispose() => folder.Dispose();

    [Fact]
    public async Task MailDrop_CommitOfBatchTwoFailsWhileBatchThreeIsRead_NothingUnstoredIsMovedAndRestartMakesNoDuplicates()
    {
        const int Messages = 23, BatchSize = 5;
        WriteMaildir(Messages, "drop");

        await AssertCrashAndRestartAsync(MailDropSettings(BatchSize), Messages, BatchSize, Path.Combine(Inbox, "new"));
    }

    [Fact]
    public async Task ScanFolder_CommitOfBatchTwoFailsWhileBatchThreeIsRead_NothingUnstoredIsMovedAndRestartMakesNoDuplicates()
    {
        const int Letters = 11, BatchSize = 2;
        Directory.CreateDirectory(Inbox);
        for (var i = 1; i <= Letters; i++)
        {
            File.WriteAllBytes(Path.Combine(Inbox, $"lettera-{i:D2}.pdf"), TextPdf(i));
        }

        var channel = new Dictionary<string, string>
        {
            ["Type"] = "ScanFolder",
            ["Paths:0"] = Inbox,
            ["StableFor"] = "00:00:00",
            ["DonePath"] = Done,
            ["BatchSize"] = BatchSize.ToString(CultureInfo.InvariantCulture),
        };

        await AssertCrashAndRestartAsync(channel, Letters, BatchSize, Inbox);
    }

    [Fact]
    public async Task FaxSpool_CommitOfBatchTwoFailsWhileBatchThreeIsRead_OnlyBatchOneIsRecordedAndRestartMakesNoDuplicates()
    {
        const int Faxes = 7, BatchSize = 2;
        Directory.CreateDirectory(Inbox);
        for (var i = 1; i <= Faxes; i++)
        {
            // The same page, made a distinct file (its own sha256) by the TIFF's DocumentName tag, as each received fax is.
            var path = Path.Combine(Inbox, $"fax{i:D5}.tif");
            File.Copy(scans.FaxFineG4, path);
            ExternalTool.Run("tiffset", "-s", "269", $"fax {i}", path);
            File.SetLastWriteTimeUtc(path, DateTime.UtcNow.AddMinutes(-1));
        }

        var state = folder.Combine("fax-state.tsv");
        var channel = new Dictionary<string, string>
        {
            ["Type"] = "FaxSpool",
            ["Path"] = Inbox,
            ["StableFor"] = "00:00:00",
            ["ProcessedStatePath"] = state,
            ["BatchSize"] = BatchSize.ToString(CultureInfo.InvariantCulture),
        };

        var crashed = new PipelineEventLog();
        await using (var run = new PrefetchRun(folder.Path, crashed, channel))
        {
            await run.PollCrashingAtBatchTwoWhileBatchThreeIsFetchedAsync(BatchSize);
        }

        PrefetchLogAssertions.OnlyBatchOneAcknowledgedAndBatchThreeFetchedAhead(crashed, BatchSize);
        File.ReadAllLines(state).Should().HaveCount(BatchSize, "only batch 1's faxes are recorded as imported");
        Files(Inbox).Should().HaveCount(Faxes, "the spool belongs to the gateway: nothing is moved");

        var restarted = new PipelineEventLog();
        await using (var run = new PrefetchRun(folder.Path, restarted, channel))
        {
            var summary = await run.Pipeline.RunAsync(run.Source, null, CancellationToken.None);

            summary.Created.Should().Be(Faxes - BatchSize);
            summary.AlreadyStored.Should().Be(0, "batch 1's faxes are skipped by the state file, unread");
            await AssertEachOnceAsync(run, Faxes);
        }

        File.ReadAllLines(state).Should().HaveCount(Faxes);
        PrefetchLogAssertions.EachAcknowledgementAfterItsCommitInOrder(restarted, (Faxes - 1) / BatchSize);
    }

    [Fact]
    public async Task MailDrop_CancelledWhileBatchThreeIsRead_FinishesBatchTwoAndLosesNothing()
    {
        const int Messages = 23, BatchSize = 5;
        WriteMaildir(Messages, "dropcancel");
        var channel = MailDropSettings(BatchSize);

        var cancelled = new PipelineEventLog();
        PollSummary first;
        await using (var run = new PrefetchRun(folder.Path, cancelled, channel))
        {
            using var stop = new CancellationTokenSource();
            run.Source.HoldFetch = 3;
            _ = run.Source.HeldFetchStarted.Task.ContinueWith(_ => stop.Cancel(), TaskScheduler.Default);

            first = await run.Pipeline.RunAsync(run.Source, null, stop.Token);

            first.Created.Should().BeOneOf([2 * BatchSize, 3 * BatchSize], "the batch being stored when the stop came is finished");
        }

        Files(Path.Combine(Inbox, "new")).Should().HaveCount(Messages - first.Created, "exactly the stored messages were moved");
        Files(Done).Should().HaveCount(first.Created);
        PrefetchLogAssertions.EachAcknowledgementAfterItsCommitInOrder(cancelled, first.Created / BatchSize);

        await using (var run = new PrefetchRun(folder.Path, new PipelineEventLog(), channel))
        {
            (await run.Pipeline.RunAsync(run.Source, null, CancellationToken.None)).Created.Should().Be(Messages - first.Created);
            await AssertEachOnceAsync(run, Messages);
        }

        Files(Path.Combine(Inbox, "new")).Should().BeEmpty();
    }

    private async Task AssertCrashAndRestartAsync(Dictionary<string, string> channel, int count, int batchSize, string pending)
    {
        var crashed = new PipelineEventLog();
        await using (var run = new PrefetchRun(folder.Path, crashed, channel))
        {
            await run.PollCrashingAtBatchTwoWhileBatchThreeIsFetchedAsync(batchSize);
        }

        PrefetchLogAssertions.OnlyBatchOneAcknowledgedAndBatchThreeFetchedAhead(crashed, batchSize);
        Files(pending).Should().HaveCount(count - batchSize, "nothing of batch 2 or 3 was moved without its ticket");
        Files(Done).Should().HaveCount(batchSize);

        var restarted = new PipelineEventLog();
        await using (var run = new PrefetchRun(folder.Path, restarted, channel))
        {
            var summary = await run.Pipeline.RunAsync(run.Source, null, CancellationToken.None);

            summary.Created.Should().Be(count - batchSize);
            await AssertEachOnceAsync(run, count);
        }

        Files(pending).Should().BeEmpty();
        Files(Done).Should().HaveCount(count, "every file moved exactly once");
        PrefetchLogAssertions.EachAcknowledgementAfterItsCommitInOrder(restarted, (count - 1) / batchSize);
    }

    private static async Task AssertEachOnceAsync(PrefetchRun run, int count)
    {
        var tickets = await run.TicketsAsync();
        tickets.Should().HaveCount(count);
        tickets.Select(t => t.SourceKey).Should().OnlyHaveUniqueItems();
    }

    private Dictionary<string, string> MailDropSettings(int batchSize) => new()
    {
        ["Type"] = "MailDrop",
        ["Path"] = Inbox,
        ["DonePath"] = Done,
        ["BatchSize"] = batchSize.ToString(CultureInfo.InvariantCulture),
    };

    /// <summary>A Maildir as a local MTA delivers it: complete files in new/ (no stability wait).</summary>
    private void WriteMaildir(int messages, string run)
    {
        var target = Directory.CreateDirectory(Path.Combine(Inbox, "new")).FullName;
        Directory.CreateDirectory(Path.Combine(Inbox, "cur"));
        for (var i = 1; i <= messages; i++)
        {
            CitizenMail.Request(i, run).WriteTo(Path.Combine(target, $"17000000{i:D2}.M{i}.host"));
        }
    }

    private static string[] Files(string path) =>
        Directory.Exists(path) ? Directory.GetFiles(path, "*", SearchOption.AllDirectories) : [];

    /// <summary>A letter exported as PDF text (no OCR needed), made distinct by its protocol number.</summary>
    private static byte[] TextPdf(int number)
    {
        var builder = new PdfDocumentBuilder();
        var font = builder.AddTrueTypeFont(File.ReadAllBytes("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"));
        var page = builder.AddPage(PageSize.A4);
        var y = page.PageSize.Height - 72;
        var text = ItalianLetters.All[number % ItalianLetters.All.Count] + $"\nProtocollo mittente n. {number}";
        foreach (var line in text.Split('\n'))
        {
            page.AddText(line, 11, new PdfPoint(56, y), font);
            y -= 15;
        }

        return builder.Build();
    }
}
