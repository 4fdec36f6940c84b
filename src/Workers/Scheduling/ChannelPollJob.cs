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
internal sealed class ChannelPollJob(
    ChannelSources sources, IngestPipeline pipeline, ChannelStatusRegistry status, ChannelWakeups wakeups, IHostApplicationLifetime lifetime,
    ILogger<ChannelPollJob> logger)
    : IJob
{
    public const string ChannelKey = "channel";

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken = default)
    {
        var channel = context.MergedJobDataMap[ChannelKey] as string ?? "";
        wakeups.PollStarting(channel);
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
            SchedulingLog.PollFailed(logger, ex, channel, status.Get(channel).ConsecutiveFailures, backoff, error);
        }
    }
}
