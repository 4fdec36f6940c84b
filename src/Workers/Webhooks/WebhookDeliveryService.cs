using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ContactCenter.Workers.Webhooks;

/// <summary>Runs <see cref="WebhookSender"/> every <see cref="WebhookOptions.PollInterval"/> while the service runs.</summary>
internal sealed class WebhookDeliveryService(
    WebhookSender sender, IOptions<WebhookOptions> options, TimeProvider time, ILogger<WebhookDeliveryService> logger) : BackgroundService
{
    public override Task StartAsync(CancellationToken cancellationToken)
    {
        WebhookSecretCheck.ThrowIfUnreadable(options.Value);
        return base.StartAsync(cancellationToken);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await sender.DeliverDueAsync(stoppingToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                // The store may be busy or briefly failing: the rows stay due and the next run takes them.
                WebhookLog.RunFailed(logger, ex, $"{ex.GetType().Name}: {ex.Message}");
            }

            try
            {
                await Task.Delay(options.Value.PollInterval, time, stoppingToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }
}
