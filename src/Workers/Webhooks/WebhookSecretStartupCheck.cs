using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace ContactCenter.Workers.Webhooks;

/// <summary>Stops the service at start when an enabled webhook's secret cannot be read (<see cref="WebhookSecretCheck"/>).</summary>
internal sealed class WebhookSecretStartupCheck(IOptions<WebhookOptions> options) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        WebhookSecretCheck.ThrowIfUnreadable(options.Value);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
