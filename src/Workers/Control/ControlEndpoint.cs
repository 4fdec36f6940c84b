using ContactCenter.Workers.Backoffice;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OpenTelemetry.Metrics;

namespace ContactCenter.Workers.Control;

/// <summary>
/// Runs the control endpoint as a small Kestrel app inside the service. It has its own tiny container, but every
/// object it serves comes from the service's: the backoffice client over the one store, the channel status, the
/// loggers and the OpenTelemetry meter provider whose Prometheus exporter answers <c>/metrics</c>.
/// </summary>
internal sealed class ControlEndpoint(
    IServiceProvider services, IOptions<ControlOptions> options, ILoggerFactory loggerFactory, ILogger<ControlEndpoint> logger)
    : IHostedService, IAsyncDisposable
{
    private WebApplication? app;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var settings = options.Value;
        if (!settings.Enabled)
        {
            ControlLog.Disabled(logger);
            return;
        }

        if (!ControlOptionsValidator.IsLoopback(settings.ParsedUrl))
        {
            ControlLog.RemoteAllowed(logger, settings.Url);
        }

        app = Build(settings);
        try
        {
            await app.StartAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (IOException ex)
        {
            // Ingesting matters more than the endpoint: the service goes on without it, /health stays silent (which
            // a monitor notices) and the admin verbs say that no service answered while the store is held.
            ControlLog.ListenFailed(logger, settings.Url, ex.Message);
            await app.DisposeAsync().ConfigureAwait(false);
            app = null;
            return;
        }

        ControlLog.Listening(logger, settings.Url);
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (app is not null)
        {
            await app.StopAsync(cancellationToken).ConfigureAwait(false);
            ControlLog.Stopped(logger);
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

    private WebApplication Build(ControlOptions settings)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions
        {
            Args = [],
            ApplicationName = "contactcenter-control",
            ContentRootPath = AppContext.BaseDirectory,
            EnvironmentName = Environments.Production,
        });
        // Only our settings: ASPNETCORE_URLS or a Kestrel section in the environment must not move the endpoint.
        builder.Configuration.Sources.Clear();
        builder.Configuration.AddInMemoryCollection();
        builder.Logging.ClearProviders();
        builder.Services.Replace(ServiceDescriptor.Singleton(loggerFactory));
        builder.WebHost.UseUrls(settings.Url);
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.AddServerHeader = false);
        builder.Services.ConfigureHttpJsonOptions(json => BackofficeJson.Configure(json.SerializerOptions));
        builder.Services.AddSingleton(services.GetRequiredService<IBackofficeClient>());
        builder.Services.AddSingleton(services.GetRequiredService<HealthReporter>());
        builder.Services.AddSingleton(services.GetRequiredService<ServiceIdentity>());

        var web = builder.Build();
        web.Use(async (context, next) =>
        {
            try
            {
                await next(context).ConfigureAwait(false);
            }
            catch (Exception ex) when (!context.Response.HasStarted && !context.RequestAborted.IsCancellationRequested)
            {
                ControlLog.RequestFailed(logger, ex, context.Request.Method, context.Request.Path);
                context.Response.StatusCode = StatusCodes.Status500InternalServerError;
                await context.Response.WriteAsync($"{ex.GetType().Name}: {ex.Message}").ConfigureAwait(false);
            }
        });
        if (!settings.AllowRemote)
        {
            web.Use((context, next) => LoopbackHostFilter.InvokeAsync(context, () => next(context), logger));
        }

        if (services.GetService<MeterProvider>() is { } meterProvider)
        {
            web.UseOpenTelemetryPrometheusScrapingEndpoint(meterProvider, predicate: null, path: "/metrics",
                configureBranchedPipeline: null, optionsName: null);
        }

        ControlApi.Map(web);
        return web;
    }
}
