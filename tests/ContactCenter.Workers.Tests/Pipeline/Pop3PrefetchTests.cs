using System.Globalization;
using ContactCenter.Core.Pipeline;
using ContactCenter.Testing;
using ContactCenter.Testing.Dovecot;
using ContactCenter.Workers.Tests.EndToEnd;

namespace ContactCenter.Workers.Tests.Pipeline;

/// <summary>
/// The pipelined POP3 poll over a real Dovecot and the real store, as <see cref="PrefetchOrderingTests"/> does for
/// IMAP: batch 3 is being fetched (RETR) while batch 2 is stored, and batch 2's commit fails (a crash there). Nothing
/// of batch 2 or 3 may have been deleted; a restart stores the rest once, each DELE + QUIT after its batch's commit.
/// </summary>
[Collection(DovecotFixture.Collection)]
public sealed class Pop3PrefetchTests(DovecotFixture dovecot) : IDisposable
{
    private const int Messages = 23;
    private const int BatchSize = 5;
    private readonly TempDirectory folder = new("cc-pop3-prefetch");

    public void Dispose() => folder.Dispose();

    [Theory]
    [InlineData("Delete")]
    [InlineData("Keep")]
    public async Task Poll_CommitOfBatchTwoFailsWhileBatchThreeIsFetched_NothingUnstoredIsDeletedAndRestartMakesNoDuplicates(string afterImport)
    {
        var server = dovecot.Server;
        var user = server.CreateUser("pop3prefetch");
        await server.AppendManyAsync(user, Enumerable.Range(1, Messages).Select(i => CitizenMail.Request(i, "pop3prefetch")));
        var channel = Settings(user, afterImport);

        var crashed = new PipelineEventLog();
        await using (var run = new PrefetchRun(folder.Path, crashed, channel))
        {
            await run.PollCrashingAtBatchTwoWhileBatchThreeIsFetchedAsync(BatchSize);
        }

        PrefetchLogAssertions.OnlyBatchOneAcknowledgedAndBatchThreeFetchedAhead(crashed, BatchSize);
        var keep = afterImport == "Keep";
        (await server.CountAsync(user)).Should().Be(keep ? Messages : Messages - BatchSize, "nothing of batch 2 or 3 was deleted without its ticket");

        var restarted = new PipelineEventLog();
        await using (var run = new PrefetchRun(folder.Path, restarted, channel))
        {
            var summary = await run.Pipeline.RunAsync(run.Source, null, CancellationToken.None);

            summary.Created.Should().Be(Messages - BatchSize);
            summary.AlreadyStored.Should().Be(0, "batch 1 was deleted (or remembered) with its ticket, so it is not offered again");
            await AssertEveryMessageOnceAsync(run);
        }

        (await server.CountAsync(user)).Should().Be(keep ? Messages : 0);
        PrefetchLogAssertions.EachAcknowledgementAfterItsCommitInOrder(restarted, (Messages - BatchSize + BatchSize - 1) / BatchSize);
    }

    [Fact]
    public async Task Poll_CancelledWhileBatchThreeIsFetched_FinishesBatchTwoAndLosesNothing()
    {
        var server = dovecot.Server;
        var user = server.CreateUser("pop3cancel");
        await server.AppendManyAsync(user, Enumerable.Range(1, Messages).Select(i => CitizenMail.Request(i, "pop3cancel")));
        var channel = Settings(user, "Delete");

        var cancelled = new PipelineEventLog();
        PollSummary first;
        await using (var run = new PrefetchRun(folder.Path, cancelled, channel))
        {
            using var stop = new CancellationTokenSource();
            run.Source.HoldFetch = 3;
            // The stop lands while the real source lists and RETRs batch 3 (or just before), as a service stop would.
            _ = run.Source.HeldFetchStarted.Task.ContinueWith(_ => stop.Cancel(), TaskScheduler.Default);

            first = await run.Pipeline.RunAsync(run.Source, null, stop.Token);

            first.Created.Should().BeOneOf([2 * BatchSize, 3 * BatchSize], "the batch being stored when the stop came is finished");
            (await run.TicketsAsync()).Should().HaveCount(first.Created);
        }

        cancelled.Snapshot().Should().Contain("fetch 3 started");
        (await server.CountAsync(user)).Should().Be(Messages - first.Created, "exactly the stored messages were deleted");
        PrefetchLogAssertions.EachAcknowledgementAfterItsCommitInOrder(cancelled, first.Created / BatchSize);

        await using (var run = new PrefetchRun(folder.Path, new PipelineEventLog(), channel))
        {
            var summary = await run.Pipeline.RunAsync(run.Source, null, CancellationToken.None);

            summary.Created.Should().Be(Messages - first.Created);
            await AssertEveryMessageOnceAsync(run);
        }

        (await server.CountAsync(user)).Should().Be(0);
    }

    private static async Task AssertEveryMessageOnceAsync(PrefetchRun run)
    {
        var tickets = await run.TicketsAsync();
        tickets.Should().HaveCount(Messages);
        tickets.Select(t => t.SourceKey).Should().OnlyHaveUniqueItems();
        tickets.Select(t => t.MessageId).Should().OnlyHaveUniqueItems();
    }

    private Dictionary<string, string> Settings(string user, string afterImport) => new()
    {
        ["Type"] = "Pop3",
        ["Host"] = DovecotServer.Host,
        ["Port"] = dovecot.Server.Pop3Port.ToString(CultureInfo.InvariantCulture),
        ["Security"] = "None",
        ["User"] = user,
        ["Password"] = DovecotServer.Password,
        ["BatchSize"] = BatchSize.ToString(CultureInfo.InvariantCulture),
        ["AfterImport"] = afterImport,
    };
}
