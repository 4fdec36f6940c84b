using ContactCenter.Workers.Hosting;
using Microsoft.Extensions.Hosting.Systemd;
using Microsoft.Extensions.Time.Testing;

namespace ContactCenter.Workers.Tests.Hosting;

public sealed class StartupProgressTests
{
    [Fact]
    public async Task Run_UnderSystemd_SaysWhatItDoesAndAsksForMoreTimeUntilTheWorkEnds()
    {
        var time = new FakeTimeProvider();
        var systemd = new RecordingNotifier();
        var work = new TaskCompletionSource();
        var extend = $"EXTEND_TIMEOUT_USEC={StartupProgress.ExtensionMicroseconds}";

        var run = new StartupProgress(time, systemd).RunAsync("Migrating", _ => work.Task, default);

        systemd.States.Should().Equal("STATUS=Migrating", extend);
        time.Advance(StartupProgress.Interval);
        await systemd.WaitForAsync(3); // the timer's tick is handled on the thread pool
        time.Advance(StartupProgress.Interval);
        await systemd.WaitForAsync(4);
        systemd.States.Should().Equal("STATUS=Migrating", extend, extend, extend);
        work.SetResult();
        await run;
        time.Advance(StartupProgress.Interval * 3);
        systemd.States.Should().Equal("STATUS=Migrating", extend, extend, extend, "STATUS=");
        StartupProgress.ExtensionMicroseconds.Should().BeGreaterThan((long)StartupProgress.Interval.TotalMicroseconds, "each request outlasts the next");
    }

    [Fact]
    public async Task Run_WorkFails_StopsAskingAndRethrows()
    {
        var time = new FakeTimeProvider();
        var systemd = new RecordingNotifier();

        var run = () => new StartupProgress(time, systemd).RunAsync("Migrating", _ => throw new InvalidOperationException("schema newer"), default);

        await run.Should().ThrowAsync<InvalidOperationException>().WithMessage("schema newer");
        time.Advance(StartupProgress.Interval * 3);
        systemd.States.Should().EndWith("STATUS=").And.HaveCount(3);
    }

    [Fact]
    public async Task Run_NotUnderSystemd_OnlyRunsTheWork()
    {
        var systemd = new RecordingNotifier { IsEnabled = false };
        var ran = false;

        await new StartupProgress(new FakeTimeProvider(), systemd).RunAsync("Migrating", _ => { ran = true; return Task.CompletedTask; }, default);
        await new StartupProgress(new FakeTimeProvider()).RunAsync("Migrating", _ => Task.CompletedTask, default);

        ran.Should().BeTrue();
        systemd.States.Should().BeEmpty();
    }

    private sealed class RecordingNotifier : ISystemdNotifier
    {
        private readonly List<string> _states = [];

        public bool IsEnabled { get; init; } = true;

        public IReadOnlyList<string> States
        {
            get
            {
                lock (_states)
                {
                    return [.. _states];
                }
            }
        }

        public async Task WaitForAsync(int count)
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
            while (States.Count < count)
            {
                await Task.Delay(10, timeout.Token);
            }
        }

        public void Notify(ServiceState state)
        {
            lock (_states)
            {
                _states.Add(state.ToString());
            }
        }
    }
}
