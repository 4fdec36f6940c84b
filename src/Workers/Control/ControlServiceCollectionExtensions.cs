using ContactCenter.Core.Diagnostics;
using ContactCenter.Core.Storage;
using ContactCenter.Workers.Backoffice;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;

namespace ContactCenter.Workers.Control;

public static class ControlServiceCollectionExtensions
{
    /// <summary><c>ContactCenter:Control</c>, validated at start: the service listens there and the CLI verbs call it.</summary>
    public static IServiceCollection AddControlOptions(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<ControlOptions>().Bind(configuration.GetSection(ControlOptions.SectionName)).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<ControlOptions>, ControlOptionsValidator>());
        return services;
    }

    /// <summary>
    /// The running service's side: the control endpoint (health, Prometheus metrics, backoffice API) over the service's
    /// own store and channel status, the OpenTelemetry meter provider with its Prometheus exporter, and the backlog
    /// gauges. The store, the channel catalog and the status registry come from their own AddXxx.
    /// </summary>
    public static IServiceCollection AddControlEndpoint(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddControlOptions(configuration);
        services.AddMetrics();
        services.TryAddSingleton<IngestMetrics>();
        // /metrics names the service, this node and its version (Prometheus' target_info), so several nodes are told apart
        // and an alert can find a cluster left half-upgraded.
        services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService(MetricsResource.ServiceName, serviceVersion: Hosting.ServiceVersion.Current,
                serviceInstanceId: MetricsResource.InstanceId(configuration)))
            .WithMetrics(metrics => MetricsResource.AddBuckets(metrics.AddMeter(IngestMetrics.MeterName)).AddPrometheusExporter());
        services.TryAddSingleton<IBackofficeClient>(sp => new LocalBackofficeClient(sp, inService: true));
        services.TryAddSingleton<Cli.Channels.ServiceFolders>();
        services.TryAddSingleton<DiskSpace>();
        services.TryAddSingleton<BackupWatch>();
        services.TryAddSingleton<HealthReporter>();
        services.TryAddSingleton(sp => new ServiceIdentity("contactcenter", Environment.ProcessId,
            Path.GetFullPath(sp.GetRequiredService<IOptions<StoreOptions>>().Value.ResolvedDatabasePath)));
        services.AddHostedService<BacklogGauges>();
        services.TryAddSingleton<StoreHealthMonitor>();
        services.AddHostedService(sp => sp.GetRequiredService<StoreHealthMonitor>());
        services.AddHostedService<ControlEndpoint>();
        return services;
    }
}
