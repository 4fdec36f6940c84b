using ContactCenter.Stores.PostgreSql;
using Microsoft.Extensions.Logging;
using Quartz;

namespace ContactCenter.Workers.Scheduling;

/// <summary>Records, after each channel poll in a cluster, which node ran it (shown by <c>status</c>).</summary>
internal sealed partial class ChannelNodeListener(ChannelNodes nodes, TimeProvider time, ILogger<ChannelNodeListener> logger) : IJobListener
{
    public string Name => "channel-nodes";

    public ValueTask JobToBeExecuted(IJobExecutionContext context, CancellationToken cancellationToken = default) => ValueTask.CompletedTask;

    public ValueTask JobExecutionVetoed(IJobExecutionContext context, CancellationToken cancellationToken = default) => ValueTask.CompletedTask;

    public async ValueTask JobWasExecuted(IJobExecutionContext context, JobExecutionException? jobException, CancellationToken cancellationToken = default)
    {
        if (context.MergedJobDataMap[ChannelPollJob.ChannelKey] is not string channel)
        {
            return;
        }

        try
        {
            await nodes.RecordPollAsync(channel, context.Scheduler.SchedulerInstanceId, time.GetUtcNow(), cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is Npgsql.NpgsqlException or TimeoutException)
        {
            // Only the status display loses a line; the poll itself is done.
            RecordFailed(logger, channel, ex.Message);
        }
    }

    [LoggerMessage(EventId = 2962, Level = LogLevel.Debug, Message = "Could not record which node polled {Channel}: {Error}")]
    private static partial void RecordFailed(ILogger logger, string channel, string error);
}
