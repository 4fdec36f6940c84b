using ContactCenter.WebForm.Keys;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ContactCenter.WebForm;

/// <summary>
/// Runs the online form as a Kestrel app of its own inside the service, on its own address (never the control
/// endpoint's): the citizens' side is public, the control endpoint is not. Every object it uses that touches the
/// store comes from the service's container, so the one running service still owns the store.
/// </summary>
internal sealed class WebFormEndpoint(IServiceProvider services, IOptions<WebFormOptions> options, ILogger<WebFormEndpoint> logger)
    : IHostedService, IAsyncDisposable
{
    private WebApplication? app;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var settings = options.Value;
        if (!settings.Enabled)
        {
            return;
        }

        app = WebFormApp.Build(services, settings);
        await WebFormKeys.LoadSharedKeyRingAsync(app.Services, services, logger, cancellationToken).ConfigureAwait(false);
        try
        {
            await app.StartAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (IOException ex)
        {
            // Ingesting the other channels matters more: the service goes on without the form, loudly.
            WebFormLog.ListenFailed(logger, settings.Url, ex.Message);
            await app.DisposeAsync().ConfigureAwait(false);
            app = null;
            return;
        }

        WebFormLog.Listening(logger, settings.Url, settings.PathBase, settings.ResolvedPublicUrl);
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (app is not null)
        {
            await app.StopAsync(cancellationToken).ConfigureAwait(false);
            WebFormLog.Stopped(logger);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (app is not null)
        {
            await app.DisposeAsync().ConfigureAwait(false);
            app = null;
        }
    }
}
