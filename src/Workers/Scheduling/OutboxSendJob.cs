using ContactCenter.Channels.Acknowledgement;
using Microsoft.Extensions.Logging;
using Quartz;

namespace ContactCenter.Workers.Scheduling;

/// <summary>Sends the receipts waiting in the outbox; the sender itself retries with backoff per row.</summary>
[DisallowConcurrentExecution]
internal sealed class OutboxSendJob(OutboxSender sender, ILogger<OutboxSendJob> logger) : IJob
{
    public static readonly JobKey Key = new("outbox", "receipts");

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            await sender.SendDueAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
        }
        catch (Exception ex)
        {
            SchedulingLog.OutboxFailed(logger, ex, $"{ex.GetType().Name}: {ex.Message}");
        }
    }
}
