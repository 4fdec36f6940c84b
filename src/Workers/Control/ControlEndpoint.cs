using System.Security.Cryptography.X509Certificates;
using ContactCenter.Core.Storage;
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

        var keyring = new ControlKeyring(settings);
        if (settings.RequiresKeys)
        {
            var localKeyPath = LocalControlKey.PathFor(services.GetRequiredService<IOptions<StoreOptions>>().Value);
            keyring.SetLocalKey(LocalControlKey.Create(localKeyPath));
            ControlAuthLog.KeysOn(logger, settings.ApiKeys.Count, localKeyPath);
        }

        var certificate = string.IsNullOrWhiteSpace(settings.RemoteUrl) ? null : ControlCertificate.Load(settings.Certificate);
        app = Build(settings, keyring, certificate);
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
        if (certificate is not null)
        {
            ControlAuthLog.RemoteListening(logger, settings.RemoteUrl!, certificate.Subject, certificate.NotAfter.ToUniversalTime());
        }
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

    private WebApplication Build(ControlOptions settings, ControlKeyring keyring, X509Certificate2? certificate)
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
        builder.WebHost.UseUrls(certificate is null ? settings.Url : $"{settings.Url};{settings.RemoteUrl}");
        if (certificate is not null)
        {
            builder.WebHost.UseKestrelHttpsConfiguration();
        }

        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.AddServerHeader = false;
            if (certificate is not null)
            {
                kestrel.ConfigureHttpsDefaults(https => https.ServerCertificate = certificate);
            }
        });
        ControlSecurity.AddServices(builder.Services, keyring);
        builder.Services.ConfigureHttpJsonOptions(json => BackofficeJson.Configure(json.SerializerOptions));
        builder.Services.AddProblemDetails();
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
                ControlLog.RequestFailed(logger, ex, context.Request.Method, context.Request.Path, context.TraceIdentifier);
                // The CLI on this machine shows the admin the error; a caller on the network learns where to look, since
                // a message may name hosts, paths and accounts.
                var detail = keyring.IsLoopbackListener(context.Connection)
                    ? $"{ex.GetType().Name}: {ex.Message}"
                    : $"The service's log has the error (event 1907, request {context.TraceIdentifier}).";
                await ControlProblems.WriteAsync(context, StatusCodes.Status500InternalServerError, ControlProblems.ServiceErrorType,
                    "The service failed on this request", detail).ConfigureAwait(false);
            }
        });
        // Refusals with no body of their own (404, 405, a route's 400) answer with a problem too.
        web.UseStatusCodePages();
        // DNS rebinding reaches the loopback listener only; the network listener needs a key anyway.
        web.Use((context, next) => keyring.IsLoopbackListener(context.Connection)
            ? LoopbackHostFilter.InvokeAsync(context, () => next(context), logger)
            : next(context));
        web.UseRouting();
        web.UseAuthentication();
        web.UseAuthorization();

        if (services.GetService<MeterProvider>() is { } meterProvider)
        {
            web.UseOpenTelemetryPrometheusScrapingEndpoint(meterProvider, predicate: null, path: "/metrics",
                configureBranchedPipeline: null, optionsName: null);
        }

        ControlApi.Map(web);
        ControlSecurity.MapOpenApi(web);
        return web;
    }
}
