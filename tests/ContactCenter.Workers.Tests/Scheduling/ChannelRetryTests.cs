using ContactCenter.Core.Intake;
using ContactCenter.Testing;
using ContactCenter.Workers.Scheduling;
using ContactCenter.Workers.Tests.TestSupport;
using Microsoft.Extensions.DependencyInjection;

namespace ContactCenter.Workers.Tests.Scheduling;

public sealed class ChannelRetryTests : IDisposable
{
    private readonly TempDirectory folder = new("cc-retry");
    private readonly MemoryChannelFactory memory = new();

    public void Dispose() => folder.Dispose();

    [Fact]
    public async Task RunningHost_FailedPoll_RetriedAfterTheBackoff_NotAtTheNextScheduledPoll()
    {
        var broken = new BrokenSource("down");
        memory.Sources["down"] = broken;
        var config = JsonConfigFile.Write(folder.Path, new
        {
            Store = new { DataDirectory = folder.Combine("data") },
            Receipts = new { Enabled = false },
            Pipeline = new { FailureBackoff = "00:00:00.500", MaxFailureBackoff = "00:01:00" },
            Channels = new { down = new { Type = "Memory", Interval = "01:00:00" } },
        });
        using var host = MemoryChannelHost.Build(config, memory);

        await host.StartAsync();
        try
        {
            var deadline = DateTime.UtcNow.AddSeconds(20);
            while (broken.Polls < 4 && DateTime.UtcNow < deadline)
            {
                await Task.Delay(100);
            }

            // 0.5 s, 1 s, 2 s after the first failure, with the schedule an hour away: retries in seconds that grow.
            broken.Polls.Should().BeGreaterThanOrEqualTo(4);
            var status = host.Services.GetRequiredService<ChannelStatusRegistry>().Get("down");
            (status.BackoffUntil!.Value - status.LastErrorAt!.Value).Should().BeGreaterThan(TimeSpan.FromSeconds(3), "the backoff doubles on each failure");
        }
        finally
        {
            await host.StopAsync();
        }
    }
}
