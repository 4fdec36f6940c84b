using ContactCenter.Core.Intake;
using ContactCenter.Core.Pipeline;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Quartz;

namespace ContactCenter.Workers.Scheduling;

/// <summary>
/// Polls one channel through the pipeline. A failure is logged and recorded, never thrown back to Quartz: the channel
/// pauses for its backoff window and the others go on; the next fire is simply the next trigger.
/// </summary>
[DisallowConcurrentExecution]
[PersistJobDataAfterExecution]
internal sealed class ChannelPollJob(
    ChannelSources sources, IngestPipeline pipeline, ChannelStatusRegistry status, IHostApplicationLifetime lifetime,
    ILogger<ChannelPollJob> logger)
    : IJob
{
    public const string ChannelKey = "channel";
    public const string RetryGroup = "retries";

    /// <summary>The retry fires just after the backoff window, which ends by the service's clock.</summary>
    private static readonly TimeSpan RetryMargin = TimeSpan.FromMilliseconds(100);

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken = default)
    {
        var channel = context.MergedJobDataMap[ChannelKey] as string ?? "";
        var shared = ChannelFailureState.Read(context.JobDetail.JobDataMap);
        if (shared is { } state)
        {
            status.Adopt(channel, state);
        }

        if (status.IsBackingOff(channel, out var until))
        {
            SchedulingLog.PollSkipped(logger, channel, until);
            return;
        }

        var source = sources.Get(channel);
        if (source is IBackoffReportingSource { IsBackingOff: true })
        {
            // The source pauses itself after a failure and would return nothing: that is no success to record.
            SchedulingLog.SourceBackingOff(logger, channel);
            return;
        }

        var failuresBefore = status.Get(channel).ConsecutiveFailures;
        // Quartz waits for running jobs at shutdown without cancelling them: the host's stopping token ends the poll
        // at the next batch boundary, so SIGTERM does not wait for a whole backlog.
        using var stopping = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, lifetime.ApplicationStopping);
        try
        {
            var summary = await pipeline.RunAsync(source, null, stopping.Token).ConfigureAwait(false);
            status.RecordSuccess(channel, summary);
            if (shared is { Failures: > 0 })
            {
                new ChannelFailureState(0, null, null).WriteTo(context.JobDetail.JobDataMap);
            }

            if (failuresBefore > 0)
            {
                SchedulingLog.ChannelRecovered(logger, channel, failuresBefore);
            }
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
            // Shutting down: the batch in flight was stored and acknowledged, or not acknowledged at all.
        }
        catch (Exception ex)
        {
            var error = $"{ex.GetType().Name}: {ex.Message}";
            var backoff = status.RecordFailure(channel, error, (ex as PollFailedException)?.Summary);
            var failed = status.Get(channel);
            new ChannelFailureState(failed.ConsecutiveFailures, failed.BackoffUntil, failed.FailingSince).WriteTo(context.JobDetail.JobDataMap);
            SchedulingLog.PollFailed(logger, ex, channel, failed.ConsecutiveFailures, backoff, error);
            await ScheduleRetryAsync(context.Scheduler, channel, backoff).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// One extra poll when the backoff ends: the channel's own schedule may be a minute or an hour away, and a server
    /// back after seconds should not wait for it. Each failed retry schedules the next, with a doubled backoff.
    /// </summary>
    private async Task ScheduleRetryAsync(IScheduler scheduler, string channel, TimeSpan backoff)
    {
        try
        {
            var trigger = TriggerBuilder.Create()
                .WithIdentity($"{channel}-{Guid.NewGuid():N}", RetryGroup)
                .ForJob(ChannelTriggers.JobKey(channel))
                .StartAt(DateTimeOffset.UtcNow + backoff + RetryMargin)
                .Build();
            await scheduler.ScheduleJob(trigger, default, CancellationToken.None).ConfigureAwait(false);
        }
        catch (SchedulerException ex)
        {
            // Shutting down, or the job is gone: the regular schedule still polls the channel.
            SchedulingLog.RetryNotScheduled(logger, channel, ex.Message);
        }
    }
}
