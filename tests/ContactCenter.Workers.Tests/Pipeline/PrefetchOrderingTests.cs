using System.Globalization;
using ContactCenter.Core.Pipeline;
using ContactCenter.Testing;
using ContactCenter.Testing.Dovecot;
using ContactCenter.Workers.Tests.EndToEnd;

namespace ContactCenter.Workers.Tests.Pipeline;

/// <summary>
/// The pipelined poll over a real Dovecot and the real store: batch 3 is being fetched while batch 2 is stored, and
/// batch 2's commit fails (a crash there). Nothing of batch 2 or 3 may have been moved; a restart stores the rest
/// once, and every MOVE comes after its own batch's commit, in order.
/// </summary>
[Collection(DovecotFixture.Collection)]
public sealed class PrefetchOrderingTests(DovecotFixture dovecot) : IDisposable
{
    private const int Messages = 23;
    private const int BatchSize = 5;
    private readonly TempDirectory folder = new("cc-prefetch");

    public void Dispose() => folder.Dispose();

    [Fact]
    public async Task Poll_CommitOfBatchTwoFailsWhileBatchThreeIsFetched_NothingUnstoredIsMovedAndRestartMakesNoDuplicates()
    {
        var server = dovecot.Server;
        var user = server.CreateUser("prefetch");
        await server.AppendManyAsync(user, Enumerable.Range(1, Messages).Select(i => CitizenMail.Request(i, "prefetch")));

        var crashed = new PipelineEventLog();
        await using (var run = new PrefetchRun(folder.Path, crashed, Channel(server.ImapPort, user)))
        {
            await run.PollCrashingAtBatchTwoWhileBatchThreeIsFetchedAsync(BatchSize);
        }

        PrefetchLogAssertions.OnlyBatchOneAcknowledgedAndBatchThreeFetchedAhead(crashed, BatchSize);
        (await server.CountAsync(user, "Processed")).Should().Be(BatchSize, "nothing of batch 2 or 3 was moved without its ticket");
        (await server.CountAsync(user, "INBOX")).Should().Be(Messages - BatchSize);

        var restarted = new PipelineEventLog();
        await using (var run = new PrefetchRun(folder.Path, restarted, Channel(server.ImapPort, user)))
        {
            var summary = await run.Pipeline.RunAsync(run.Source, null, CancellationToken.None);

            summary.Created.Should().Be(Messages - BatchSize);
            var tickets = await run.TicketsAsync();
            tickets.Should().HaveCount(Messages);
            tickets.Select(t => t.SourceKey).Should().OnlyHaveUniqueItems();
            tickets.Select(t => t.MessageId).Should().OnlyHaveUniqueItems();
        }

        (await server.CountAsync(user, "INBOX")).Should().Be(0);
        (await server.CountAsync(user, "Processed")).Should().Be(Messages, "every message moved exactly once");
        PrefetchLogAssertions.EachAcknowledgementAfterItsCommitInOrder(restarted, (Messages - BatchSize + BatchSize - 1) / BatchSize);
    }

    [Fact]
    public async Task Poll_CrashAfterCommitBeforeMove_RestartMovesKnownItemsOfTheBatchAheadWithoutSecondTickets()
    {
        var server = dovecot.Server;
        var user = server.CreateUser("knownahead");
        await server.AppendManyAsync(user, Enumerable.Range(1, Messages).Select(i => CitizenMail.Request(i, "knownahead")));

        var crashed = new PipelineEventLog();
        await using (var run = new PrefetchRun(folder.Path, crashed, Channel(server.ImapPort, user, batchSize: 2 * BatchSize)))
        {
            run.Source.FailAcknowledge = 1;
            await FluentActions.Awaiting(() => run.Pipeline.RunAsync(run.Source, null, CancellationToken.None)).Should().ThrowAsync<PollFailedException>();
            (await run.TicketsAsync()).Should().HaveCount(2 * BatchSize, "the first batch was committed, then the MOVE failed");
        }

        (await server.CountAsync(user, "INBOX")).Should().Be(Messages, "nothing was moved");

        // With smaller batches the second batch, fetched and normalised while the first is settled, is known too.
        var restarted = new PipelineEventLog();
        await using (var run = new PrefetchRun(folder.Path, restarted, Channel(server.ImapPort, user)))
        {
            var summary = await run.Pipeline.RunAsync(run.Source, null, CancellationToken.None);

            summary.AlreadyStored.Should().Be(2 * BatchSize);
            summary.Created.Should().Be(Messages - (2 * BatchSize));
            var tickets = await run.TicketsAsync();
            tickets.Should().HaveCount(Messages);
            tickets.Select(t => t.SourceKey).Should().OnlyHaveUniqueItems();
        }

        (await server.CountAsync(user, "INBOX")).Should().Be(0);
        (await server.CountAsync(user, "Processed")).Should().Be(Messages, "every message moved exactly once");
        var events = restarted.Snapshot();
        var batches = (Messages + BatchSize - 1) / BatchSize;
        var acks = Enumerable.Range(1, batches)
            .Select(b => events.ToList().FindIndex(e => e.StartsWith($"ack {PrefetchLogAssertions.FirstKey(events, b)} ", StringComparison.Ordinal)))
            .ToList();
        acks.Should().NotContain(-1, "every batch was acknowledged").And.BeInAscendingOrder("in batch order");
        events.Should().NotContain(e => e.StartsWith($"commit {PrefetchLogAssertions.FirstKey(events, 2)}", StringComparison.Ordinal),
            "the known batch ahead is not dispatched again");
        for (var batch = 3; batch <= batches; batch++)
        {
            restarted.IndexOf($"commit {PrefetchLogAssertions.FirstKey(events, batch)}").Should().BeInRange(0, acks[batch - 1], $"batch {batch} is moved after its commit");
        }
    }

    [Fact]
    public async Task Poll_MoveOfBatchOneStillRunningWhenBatchTwoIsStored_EveryMoveAfterItsCommitInOrder()
    {
        var server = dovecot.Server;
        var user = server.CreateUser("ackbeside");
        await server.AppendManyAsync(user, Enumerable.Range(1, Messages).Select(i => CitizenMail.Request(i, "ackbeside")));

        var log = new PipelineEventLog();
        await using (var run = new PrefetchRun(folder.Path, log, Channel(server.ImapPort, user)))
        {
            // Batch 1's MOVE waits for batch 2's commit: a poll that acknowledged between the two commits would wait
            // for itself (and fail after 10 s).
            run.Store.SignalCommit = 2;
            run.Source.HoldAcknowledge = 1;
            run.Source.HoldAcknowledgeUntil = run.Store.Committed.Task;

            var summary = await run.Pipeline.RunAsync(run.Source, null, CancellationToken.None);

            summary.Created.Should().Be(Messages);
            summary.Settled.Should().Be(Messages, "the poll ends after its last acknowledgement");
            (await run.TicketsAsync()).Should().HaveCount(Messages);
        }

        var events = log.Snapshot();
        log.IndexOf($"commit {PrefetchLogAssertions.FirstKey(events, 2)}").Should()
            .BeLessThan(events.ToList().FindIndex(e => e.StartsWith($"ack {PrefetchLogAssertions.FirstKey(events, 1)} ", StringComparison.Ordinal)),
                "batch 2 was stored while batch 1's MOVE waited");
        PrefetchLogAssertions.EachAcknowledgementAfterItsCommitInOrder(log, (Messages + BatchSize - 1) / BatchSize);
        (await server.CountAsync(user, "INBOX")).Should().Be(0);
        (await server.CountAsync(user, "Processed")).Should().Be(Messages, "every message moved exactly once");
    }

    private static Dictionary<string, string> Channel(int port, string user, int batchSize = BatchSize) => new()
    {
        ["Type"] = "Imap",
        ["Host"] = DovecotServer.Host,
        ["Port"] = port.ToString(CultureInfo.InvariantCulture),
        ["Security"] = "None",
        ["User"] = user,
        ["Password"] = DovecotServer.Password,
        ["BatchSize"] = batchSize.ToString(CultureInfo.InvariantCulture),
    };
}
