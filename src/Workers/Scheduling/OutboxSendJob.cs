using ContactCenter.Channels.Acknowledgement;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Quartz;

namespace ContactCenter.Workers.Scheduling;

/// <summary>Sends the receipts waiting in the outbox; the sender itself retries with backoff per row.</summary>
[DisallowConcurrentExecution]
internal sealed class OutboxSendJob(IServiceProvider services, ILogger<OutboxSendJob> logger) : IJob
{
    public static readonly JobKey Key = new("outbox", "receipts");

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            // Resolved here so that a sender that cannot be built (bad template path, bad From) is logged as ours.
            await services.GetRequiredService<OutboxSender>().SendDueAsync(cancellationToken).ConfigureAwait(false);
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
