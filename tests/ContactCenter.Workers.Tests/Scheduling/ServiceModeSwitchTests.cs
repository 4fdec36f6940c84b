using ContactCenter.Core.Channels;
using ContactCenter.Core.Storage;
using ContactCenter.Testing;
using ContactCenter.Workers.Hosting;
using ContactCenter.Workers.Scheduling;
using ContactCenter.Workers.Tests.TestSupport;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Quartz;

namespace ContactCenter.Workers.Tests.Scheduling;

public sealed class ServiceModeSwitchTests : IDisposable
{
    private readonly TempDirectory folder = new("cc-mode");
    private readonly MemoryChannelFactory memory = new();
    private readonly ListLoggerProvider logs = new();

    public void Dispose() => folder.Dispose();

    [Fact]
    public async Task RunningHost_ModeSetInStore_ReschedulesChannelsWithoutRestart()
    {
        memory.Sources["inbox"] = new MemorySource("inbox");
        var config = JsonConfigFile.Write(folder.Path, new
        {
            Store = new { DataDirectory = folder.Combine("data") },
            Receipts = new { Enabled = true, From = "Protezione Civile <urp@protezionecivile.example.it>" },
            Smtp = new { Host = "127.0.0.1", Port = 2525, Security = "None" },
            Pipeline = new { ModeCheckInterval = "00:00:00.200" },
            Channels = new { inbox = new { Type = "Memory", Interval = "01:00:00", EmergencyInterval = "00:00:07" } },
        });
        using var host = ContactCenterHost.CreateBuilder(new HostSettings
        {
            ConfigFiles = [config],
            Service = true,
            Configure = b =>
            {
                b.Services.AddSingleton<IChannelFactory>(memory);
                b.Logging.AddProvider(logs);
            },
        }).Build();
        await host.StartAsync();
        try
        {
            var scheduler = await host.Services.GetRequiredService<ISchedulerFactory>().GetScheduler();
            (await IntervalAsync(scheduler)).Should().Be(TimeSpan.FromHours(1));
            logs.Entries.Should().Contain(e => e.EventId == 1650 && e.Message.Contains("Ordinary"));
            logs.Entries.Should().Contain(e => e.EventId == 1667 && e.Message == $"contactcenter {ContactCenter.Workers.Hosting.ServiceVersion.Current} starting on .NET {Environment.Version}");
            var outbox = await scheduler.GetTrigger(new TriggerKey("outbox", "receipts"));
            outbox.Should().BeAssignableTo<ISimpleTrigger>().Which.RepeatInterval.Should().Be(TimeSpan.FromSeconds(15));

            await host.Services.GetRequiredService<ITicketStore>().SetModeAsync(ServiceMode.Emergency, "test", CancellationToken.None);

            var deadline = DateTime.UtcNow.AddSeconds(10);
            while (!logs.Entries.Any(e => e.EventId == 1651) && DateTime.UtcNow < deadline)
            {
                await Task.Delay(100);
            }

            (await IntervalAsync(scheduler)).Should().Be(TimeSpan.FromSeconds(7));
            logs.Entries.Should().Contain(e => e.EventId == 1651 && e.Message.Contains("from Ordinary to Emergency"));

            await host.Services.GetRequiredService<ITicketStore>().SetModeAsync(ServiceMode.Ordinary, "test", CancellationToken.None);
            deadline = DateTime.UtcNow.AddSeconds(10);
            while (await IntervalAsync(scheduler) != TimeSpan.FromHours(1) && DateTime.UtcNow < deadline)
            {
                await Task.Delay(100);
            }

            (await IntervalAsync(scheduler)).Should().Be(TimeSpan.FromHours(1));
        }
        finally
        {
            await host.StopAsync();
        }
    }

    private static async Task<TimeSpan> IntervalAsync(IScheduler scheduler)
    {
        var trigger = await scheduler.GetTrigger(ChannelTriggers.TriggerKey("inbox"));
        return trigger.Should().BeAssignableTo<ISimpleTrigger>().Subject.RepeatInterval;
    }
}
