using ContactCenter.Channels.Email;
using ContactCenter.Testing;
using ContactCenter.Testing.Dovecot;

namespace ContactCenter.Channels.Tests.Email;

[Collection(DovecotFixture.Collection)]
public sealed class ImapIdleTests(DovecotFixture fixture)
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);
    private readonly DovecotServer _server = fixture.Server;

    [Fact]
    public async Task Watch_MessageAppended_ReportsTheArrivalBeforeAnyPoll()
    {
        var user = _server.CreateUser("idle");
        var logger = new RecordingLogger();
        await using var source = ImapTestSources.Create(_server, user, logger: logger);
        using var stop = new CancellationTokenSource();
        var arrivals = 0;
        var arrived = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var watch = source.WatchAsync(_ => { Interlocked.Increment(ref arrivals); arrived.TrySetResult(); return Task.CompletedTask; }, stop.Token);
        await WaitUntilAsync(() => logger.Has(1219), "the watcher is in IDLE");

        await _server.AppendAsync(user, TestMail.Create(1));

        await arrived.Task.WaitAsync(Patience);
        await stop.CancelAsync();
        await watch.WaitAsync(Patience);
        arrivals.Should().Be(1);
    }

    [Fact]
    public async Task Watch_ArrivalAfterThePollerEmptiedTheFolder_StillReported()
    {
        var user = _server.CreateUser("idle");
        await _server.AppendManyAsync(user, TestMail.Many(3));
        var logger = new RecordingLogger();
        await using var source = ImapTestSources.Create(_server, user, logger: logger);
        using var stop = new CancellationTokenSource();
        var arrivals = 0;
        var watch = source.WatchAsync(_ => { Interlocked.Increment(ref arrivals); return Task.CompletedTask; }, stop.Token);
        await WaitUntilAsync(() => logger.Has(1219), "the watcher is in IDLE");

        // The polling connection moves the three messages out: the watcher sees the count fall, which is no arrival.
        (await source.PollAllAsync(acknowledge: true)).Items().Should().HaveCount(3);
        await Task.Delay(500);
        arrivals.Should().Be(0);
        await _server.AppendAsync(user, TestMail.Create(4));

        await WaitUntilAsync(() => Volatile.Read(ref arrivals) == 1, "a new message after the expunges is an arrival");
        await stop.CancelAsync();
        await watch.WaitAsync(Patience);
    }

    [Fact]
    public async Task Watch_ArrivalAlreadyTakenByAnotherPoll_NoWakeUp()
    {
        var user = _server.CreateUser("idle");
        var logger = new RecordingLogger();
        await using var source = ImapTestSources.Create(_server, user, o => o.AfterImport = ImapAfterImport.MarkSeen, logger: logger);
        await using var otherNode = ImapTestSources.Create(_server, user, o => o.AfterImport = ImapAfterImport.MarkSeen);
        using var stop = new CancellationTokenSource();
        var arrivals = 0;
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        // The first wake-up is slow (as a busy node is): meanwhile another node takes the next message.
        var watch = source.WatchAsync(async ct =>
        {
            if (Interlocked.Increment(ref arrivals) == 1)
            {
                await release.Task.WaitAsync(ct);
            }
        }, stop.Token);
        await WaitUntilAsync(() => logger.Has(1219), "the watcher is in IDLE");
        await _server.AppendAsync(user, TestMail.Create(1));
        await WaitUntilAsync(() => Volatile.Read(ref arrivals) == 1, "the first message wakes the channel");

        await _server.AppendAsync(user, TestMail.Create(2));
        (await otherNode.PollAllAsync(acknowledge: true)).Items().Should().HaveCount(2, "the other node's poll takes both messages");
        release.SetResult();

        // Back in IDLE the watcher is told of message 2, which is no longer pending: no second (empty) poll.
        await WaitUntilAsync(() => logger.Has(1222), "the watcher sees that the announced mail was taken");
        Volatile.Read(ref arrivals).Should().Be(1);
        await _server.AppendAsync(user, TestMail.Create(3));
        await WaitUntilAsync(() => Volatile.Read(ref arrivals) == 2, "new mail after that still wakes the channel");
        await stop.CancelAsync();
        await watch.WaitAsync(Patience);
    }

    [Fact]
    public async Task Watch_IdleOff_ReturnsAtOnce()
    {
        var user = _server.CreateUser("idle");
        await using var source = ImapTestSources.Create(_server, user, o => o.Idle = false);

        var watch = source.WatchAsync(_ => Task.CompletedTask, CancellationToken.None);

        watch.IsCompleted.Should().BeTrue();
        await watch;
    }

    [Fact]
    public async Task Watch_WrongPassword_RetriesWithBackoffUntilStopped()
    {
        var user = _server.CreateUser("idle");
        var logger = new RecordingLogger();
        await using var source = ImapTestSources.Create(_server, user, o => { o.Password = "sbagliata"; o.RetryDelay = TimeSpan.FromMilliseconds(100); }, logger: logger);
        using var stop = new CancellationTokenSource();

        var watch = source.WatchAsync(_ => Task.CompletedTask, stop.Token);
        await WaitUntilAsync(() => logger.Entries.Count(e => e.Id.Id == 1221) >= 2, "each failed attempt is logged and retried");
        await stop.CancelAsync();

        await watch.WaitAsync(Patience);
        logger.Entries.Where(e => e.Id.Id == 1221).Should().AllSatisfy(e => e.Message.Should().NotContain("sbagliata"));
    }

    private static async Task WaitUntilAsync(Func<bool> condition, string what)
    {
        var deadline = DateTime.UtcNow + Patience;
        while (!condition())
        {
            DateTime.UtcNow.Should().BeBefore(deadline, what);
            await Task.Delay(20);
        }
    }
}
