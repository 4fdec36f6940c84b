using Microsoft.Extensions.Logging;
using Quartz;

namespace ContactCenter.Workers.Webhooks;

/// <summary>
/// Delivers the due webhook events, every <see cref="WebhookOptions.PollInterval"/>. A Quartz job, as the receipts'
/// outbox is: with the PostgreSQL store the scheduler is clustered and the job runs on one node at a time. As a loop in
/// every process, each node sent every event (the receiver got each one once per node), counted the attempts twice, and
/// a node whose attempt failed could put back to pending a row another node had just delivered.
/// </summary>
[DisallowConcurrentExecution]
internal sealed class WebhookDeliveryJob(WebhookSender sender, ILogger<WebhookDeliveryJob> logger) : IJob
{
    public static readonly JobKey Key = new("deliver", "webhooks");

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            await sender.DeliverDueAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
        }
        catch (Exception ex)
        {
            // The store may be busy or briefly failing: the rows stay due and the next run takes them.
            WebhookLog.RunFailed(logger, ex, $"{ex.GetType().Name}: {ex.Message}");
        }
    }
}
