using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace ContactCenter.Core.Pipeline;

public static class PipelineServiceCollectionExtensions
{
    /// <summary>The ingest pipeline and <c>ContactCenter:Pipeline</c>; the store, normalisers and rules come from their own AddXxx.</summary>
    public static IServiceCollection AddIngestPipeline(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<PipelineOptions>().Bind(configuration.GetSection(PipelineOptions.SectionName)).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<PipelineOptions>, PipelineOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<ItemNormalizerRunner>();
        services.TryAddSingleton<ItemQuarantine>();
        services.TryAddSingleton<DraftRouter>();
        services.TryAddSingleton(sp => new SpamHold(
            sp.GetServices<Screening.IDraftScreen>(), sp.GetRequiredService<Storage.ITicketStore>(), sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<Microsoft.Extensions.Logging.ILogger<SpamHold>>(), sp.GetService<Diagnostics.IngestMetrics>()));
        services.TryAddSingleton(sp => new IngestPipeline(
            sp.GetRequiredService<Storage.ITicketStore>(),
            sp.GetRequiredService<ItemNormalizerRunner>(),
            sp.GetRequiredService<ItemQuarantine>(),
            sp.GetRequiredService<DraftRouter>(),
            sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<Microsoft.Extensions.Logging.ILogger<IngestPipeline>>(),
            sp.GetService<Diagnostics.IngestMetrics>(),
            sp.GetRequiredService<SpamHold>()));
        services.TryAddSingleton(sp => new DraftIntake(
            sp.GetRequiredService<Storage.ITicketStore>(), sp.GetRequiredService<DraftRouter>(), sp.GetService<Diagnostics.IngestMetrics>()));
        return services;
    }
}
