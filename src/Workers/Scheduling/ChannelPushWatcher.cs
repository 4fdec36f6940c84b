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
    ChannelCatalog catalog, ChannelSources sources, ISchedulerFactory schedulers, ILogger<ChannelPushWatcher> logger)
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

    /// <summary>
    /// One wake-up trigger per channel. One that has not fired yet (here or, clustered, on any node) will see this news
    /// too, so a burst of notices makes one poll. One that has fired may belong to a poll still running, which read
    /// the mailbox before this news came: it is replaced by a new one, which fires when that poll ends (the job runs
    /// one at a time). Taking a fired trigger for a waiting one left such news to the channel's schedule.
    /// </summary>
    private async Task WakeAsync(string channel, CancellationToken cancellationToken)
    {
        var scheduler = await schedulers.GetScheduler(cancellationToken).ConfigureAwait(false);
        var key = new TriggerKey($"wake-{channel}", WakeGroup);
        var existing = await scheduler.GetTrigger(key, cancellationToken).ConfigureAwait(false);
        if (existing?.NextFireTimeUtc is not null)
        {
            return;
        }

        SchedulingLog.PushWakeUp(logger, channel);
        var trigger = TriggerBuilder.Create().WithIdentity(key).ForJob(ChannelTriggers.JobKey(channel)).StartNow().Build();
        try
        {
            // Rescheduling answers null when the fired trigger was removed meanwhile (its poll ended): then it is added.
            if (existing is null || await scheduler.RescheduleJob(key, trigger, cancellationToken).ConfigureAwait(false) is null)
            {
                await scheduler.ScheduleJob(trigger, default, cancellationToken).ConfigureAwait(false);
            }
        }
        catch (ObjectAlreadyExistsException)
        {
            // Another notice (or node) scheduled it a moment ago: it has not fired yet, so it covers this one.
        }
    }
}
