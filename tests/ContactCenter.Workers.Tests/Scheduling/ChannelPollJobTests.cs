using ContactCenter.Core.Intake;
using ContactCenter.Core.Storage;
using ContactCenter.Testing;
using ContactCenter.Workers.Scheduling;
using ContactCenter.Workers.Tests.TestSupport;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace ContactCenter.Workers.Tests.Scheduling;

public sealed class ChannelPollJobTests : IDisposable
{
    private readonly TempDirectory folder = new("cc-jobs");
    private readonly MemoryChannelFactory memory = new();
    private readonly ListLoggerProvider logs = new();

    public void Dispose() => folder.Dispose();

    [Fact]
    public async Task RunningHost_OneChannelDown_OthersStillIngest_AndTheBrokenOneBacksOff()
    {
        var good = new MemorySource("good");
        for (var i = 1; i <= 3; i++)
        {
            good.Add($"mem:good/{i}", $"Subject: Richiesta {i}\n\nTesto {i}.");
        }

        var broken = new BrokenSource("down");
        memory.Sources["good"] = good;
        memory.Sources["down"] = broken;
        var config = JsonConfigFile.Write(folder.Path, new
        {
            Store = new { DataDirectory = folder.Combine("data") },
            Receipts = new { Enabled = false },
            Pipeline = new { FailureBackoff = "00:05:00" },
            Channels = new
            {
                good = new { Type = "Memory", Interval = "00:00:00.500" },
                down = new { Type = "Memory", Interval = "00:00:00.300" },
            },
        });
        using var host = MemoryChannelHost.Build(config, memory, l => l.AddProvider(logs));

        await host.StartAsync();
        try
        {
            var deadline = DateTime.UtcNow.AddSeconds(15);
            while ((good.Pending > 0 || broken.Polls == 0) && DateTime.UtcNow < deadline)
            {
                await Task.Delay(100);
            }

            await Task.Delay(1500);
            good.Acknowledged.Should().HaveCount(3, "a broken channel does not stop the others");
            (await host.Services.GetRequiredService<ITicketStore>().QueryAsync(new TicketQuery(), CancellationToken.None)).Should().HaveCount(3);
            var status = host.Services.GetRequiredService<ChannelStatusRegistry>().Get("down");
            status.ConsecutiveFailures.Should().Be(1, "after a failure the channel waits out its backoff instead of polling every 300 ms");
            broken.Polls.Should().Be(1);
            status.LastError.Should().Contain("SocketException");
            status.BackoffUntil.Should().BeAfter(DateTimeOffset.UtcNow.AddMinutes(4));
            logs.Entries.Should().Contain(e => e.EventId == 1654 && e.Message.Contains("down"));
            host.Services.GetRequiredService<ChannelStatusRegistry>().Get("good").LastSuccessAt.Should().NotBeNull();
        }
        finally
        {
            await host.StopAsync();
        }
    }

    [Fact]
    public async Task RunningHost_SourceBackingOffItself_IsNotRecordedAsASuccessfulPoll()
    {
        var source = new SelfPausingSource("mailbox");
        memory.Sources["mailbox"] = source;
        var config = JsonConfigFile.Write(folder.Path, new
        {
            Store = new { DataDirectory = folder.Combine("data") },
            Receipts = new { Enabled = false },
            Pipeline = new { FailureBackoff = "00:00:00.050", MaxFailureBackoff = "00:00:00.050" },
            Channels = new { mailbox = new { Type = "Memory", Interval = "00:00:00.200" } },
        });
        using var host = MemoryChannelHost.Build(config, memory, l => l.AddProvider(logs).AddFilter<ListLoggerProvider>(null, LogLevel.Debug));

        await host.StartAsync();
        try
        {
            var deadline = DateTime.UtcNow.AddSeconds(15);
            while (!logs.Entries.Any(e => e.EventId == 1659) && DateTime.UtcNow < deadline)
            {
                await Task.Delay(100);
            }

            var status = host.Services.GetRequiredService<ChannelStatusRegistry>().Get("mailbox");
            logs.Entries.Should().Contain(e => e.EventId == 1659, "the job saw the source pausing itself");
            source.Polls.Should().Be(1);
            status.LastSuccessAt.Should().BeNull("a poll skipped by the source's own backoff is no success");
            status.FailingSince.Should().NotBeNull("the channel is still failing as far as /health is concerned");
        }
        finally
        {
            await host.StopAsync();
        }
    }
}
