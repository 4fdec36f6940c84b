using System.Runtime.CompilerServices;
using ContactCenter.Core.Intake;
using ContactCenter.Core.Tickets;
using ContactCenter.Testing;
using ContactCenter.Workers.Tests.TestSupport;

namespace ContactCenter.Workers.Tests.Scheduling;

public sealed class ChannelPushWatcherTests : IDisposable
{
    private readonly TempDirectory folder = new("cc-push");

    public void Dispose() => folder.Dispose();

    [Fact]
    public async Task RunningHost_NewsWhileAPushedPollRuns_OneMorePollAfterIt_NotOnePerNotice()
    {
        var inner = new MemorySource("push");
        var source = new GatedPushingSource(inner);
        var memory = new MemoryChannelFactory();
        memory.Sources["push"] = source;
        var config = JsonConfigFile.Write(folder.Path, new
        {
            Store = new { DataDirectory = folder.Combine("data") },
            Receipts = new { Enabled = false },
            Channels = new { push = new { Type = "Memory", Interval = "01:00:00" } },
        });
        using var host = MemoryChannelHost.Build(config, memory);
        await host.StartAsync();
        try
        {
            // The schedule's first poll runs at start; the next is an hour away.
            await WaitAsync(() => source.IsWatched && source.Polls == 1 && source.Running == 0);
            var before = source.Polls;

            source.HoldNextPoll();
            inner.Add("mem:push/1", "Subject: Prima\n\nPrima richiesta.");
            await source.NotifyAsync();
            await WaitAsync(() => source.IsHeld);
            // The running poll has read the mailbox already: this news needs a poll of its own, and only one.
            inner.Add("mem:push/2", "Subject: Seconda\n\nSeconda richiesta.");
            for (var i = 0; i < 5; i++)
            {
                await source.NotifyAsync();
            }

            source.Release();
            await WaitAsync(() => inner.Acknowledged.Count == 2);
            await Task.Delay(1000);

            inner.Acknowledged.Should().Equal("mem:push/1", "mem:push/2");
            source.Polls.Should().Be(before + 2, "the poll that was running, then one for all the notices that came meanwhile");
        }
        finally
        {
            await host.StopAsync();
        }
    }

    private static async Task WaitAsync(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(15);
        while (!condition())
        {
            DateTime.UtcNow.Should().BeBefore(deadline, "the condition should hold within 15 s");
            await Task.Delay(50);
        }
    }

    /// <summary>
    /// An IMAP IDLE stand-in: the test says when news arrived; a poll it is told to hold reads the items, then waits
    /// before handing them over, as a poll that read the mailbox just before new mail came.
    /// </summary>
    private sealed class GatedPushingSource(MemorySource inner) : IInboundSource, IPushingSource
    {
        private Func<CancellationToken, Task>? arrived;
        private TaskCompletionSource gate = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private int holdNext;
        private volatile bool held;
        private int polls;
        private int running;

        public string Name => inner.Name;

        public ChannelKind Channel => inner.Channel;

        public int Polls => Volatile.Read(ref polls);

        public int Running => Volatile.Read(ref running);

        public bool IsWatched => Volatile.Read(ref arrived) is not null;

        public bool IsHeld => held;

        public void HoldNextPoll()
        {
            gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            Volatile.Write(ref holdNext, 1);
        }

        public void Release() => gate.TrySetResult();

        public Task NotifyAsync() => arrived!(CancellationToken.None);

        public async Task WatchAsync(Func<CancellationToken, Task> callback, CancellationToken cancellationToken)
        {
            Volatile.Write(ref arrived, callback);
            await Task.Delay(Timeout.Infinite, cancellationToken);
        }

        public async IAsyncEnumerable<InboundBatch> PollAsync([EnumeratorCancellation] CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref polls);
            Interlocked.Increment(ref running);
            try
            {
                var batches = new List<InboundBatch>();
                await foreach (var batch in inner.PollAsync(cancellationToken))
                {
                    batches.Add(batch);
                }

                if (Interlocked.Exchange(ref holdNext, 0) == 1)
                {
                    held = true;
                    await gate.Task.WaitAsync(cancellationToken);
                    held = false;
                }

                foreach (var batch in batches)
                {
                    yield return batch;
                }
            }
            finally
            {
                Interlocked.Decrement(ref running);
            }
        }

        public ValueTask AcknowledgeAsync(IReadOnlyList<InboundItem> items, CancellationToken cancellationToken) => inner.AcknowledgeAsync(items, cancellationToken);

        public ValueTask RejectAsync(InboundItem item, string reason, CancellationToken cancellationToken) => inner.RejectAsync(item, reason, cancellationToken);

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }
}
