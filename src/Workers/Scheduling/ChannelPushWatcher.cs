using ContactCenter.Core.Intake;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Quartz;

namespace ContactCenter.Workers.Scheduling;

/// <summary>
/// Runs the push watch of every channel whose source has one (IMAP IDLE) and fires the channel's poll job when new
/// items arrive. The channel's own schedule goes on regardless, so a lost notice delays nothing beyond it.
/// </summary>
internal sealed class ChannelPushWatcher(
    ChannelCatalog catalog, ChannelSources sources, ChannelWakeups wakeups, ISchedulerFactory schedulers, ILogger<ChannelPushWatcher> logger)
    : BackgroundService
{
    private const string WakeGroup = "wakeups";

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        Task.WhenAll(catalog.Channels.Select(channel => WatchAsync(channel.Name, stoppingToken)));

    private async Task WatchAsync(string channel, CancellationToken stoppingToken)
    {
        try
        {
            if (sources.Get(channel) is not IPushingSource pushing)
            {
                return;
            }

            await pushing.WatchAsync(ct => WakeAsync(channel, ct), stoppingToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
        catch (Exception ex)
        {
            // Never fatal for the service: the channel is still polled on its schedule.
            SchedulingLog.PushWatchFailed(logger, ex, channel);
        }
    }

    private async Task WakeAsync(string channel, CancellationToken cancellationToken)
    {
        var scheduler = await schedulers.GetScheduler(cancellationToken).ConfigureAwait(false);
        var key = new TriggerKey($"wake-{channel}", WakeGroup);
        // A wake-up still waiting to fire (here or, clustered, on any node) will see this news too. One that fired on
        // another node cleared nothing here (only a local poll does): then this news needs a poll of its own.
        if (!wakeups.TryRequest(channel) && await scheduler.Exists(key, cancellationToken).ConfigureAwait(false))
        {
            return;
        }

        SchedulingLog.PushWakeUp(logger, channel);
        var trigger = TriggerBuilder.Create().WithIdentity(key).ForJob(ChannelTriggers.JobKey(channel)).StartNow().Build();
        try
        {
            await scheduler.ScheduleJob(trigger, default, cancellationToken).ConfigureAwait(false);
        }
        catch (ObjectAlreadyExistsException)
        {
            // Another notice scheduled it a moment ago: it has not fired yet, so it covers this one.
        }
    }
}
