using ContactCenter.Core.Storage;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Quartz;

namespace ContactCenter.Workers.Scheduling;

/// <summary>Schedules one job per enabled channel at start, and moves every trigger when the service mode changes.</summary>
internal sealed class ChannelScheduler(
    ChannelCatalog catalog, ISchedulerFactory schedulers, ITicketStore store, TimeProvider time, ILogger<ChannelScheduler> logger)
    : IHostedService
{
    public ServiceMode CurrentMode { get; private set; }

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        SchedulingLog.Starting(logger, Hosting.ServiceVersion.Current, Environment.Version.ToString());
        CurrentMode = await store.GetModeAsync(cancellationToken).ConfigureAwait(false);
        SchedulingLog.ModeAtStart(logger, CurrentMode);
        if (catalog.Channels.Count == 0)
        {
            SchedulingLog.NoChannels(logger);
        }

        var scheduler = await schedulers.GetScheduler(cancellationToken).ConfigureAwait(false);
        foreach (var channel in catalog.Channels)
        {
            var job = JobBuilder.Create<ChannelPollJob>()
                .WithIdentity(ChannelTriggers.JobKey(channel.Name))
                .UsingJobData(ChannelPollJob.ChannelKey, channel.Name)
                .DisallowConcurrentExecution(true)
                .PersistJobDataAfterExecution(true)
                .Build();
            // A node joining the cluster keeps the channel's run of failures, so the backoff goes on doubling, but not
            // its wait: a node started after the admin fixed a password tries at once.
            if (await scheduler.GetJobDetail(job.Key, cancellationToken).ConfigureAwait(false) is { } stored
                && ChannelFailureState.Read(stored.JobDataMap) is { Failures: > 0 } failed)
            {
                (failed with { BackoffUntil = null }).WriteTo(job.JobDataMap);
            }

            // Replacing: with a clustered store the job may already be there, stored by this node's last run or another node.
            await scheduler.ScheduleJob(job, ChannelTriggers.Build(channel, CurrentMode, time), ScheduleJobOptions.Replacing, cancellationToken).ConfigureAwait(false);
            SchedulingLog.ChannelScheduled(logger, channel.Name, channel.Factory.Type, ChannelTriggers.Describe(channel, CurrentMode));
        }
    }

    public async Task ApplyModeAsync(ServiceMode mode, CancellationToken cancellationToken)
    {
        if (mode == CurrentMode)
        {
            return;
        }

        var scheduler = await schedulers.GetScheduler(cancellationToken).ConfigureAwait(false);
        foreach (var channel in catalog.Channels)
        {
            var trigger = ChannelTriggers.Build(channel, mode, time);
            await scheduler.RescheduleJob(trigger.Key, trigger, cancellationToken).ConfigureAwait(false);
        }

        SchedulingLog.ModeSwitched(logger, CurrentMode, mode);
        CurrentMode = mode;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
