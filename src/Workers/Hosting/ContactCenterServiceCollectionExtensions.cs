using ContactCenter.Core.Diagnostics;
using ContactCenter.Core.Pipeline;
using Microsoft.Extensions.DependencyInjection.Extensions;
using ContactCenter.Workers.Scheduling;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace ContactCenter.Workers.Hosting;

public static class ContactCenterServiceCollectionExtensions
{
    /// <summary>Every area's services, one AddXxx each; the scheduler is added by <c>AddChannelJobs</c> for the service only.</summary>
    public static IServiceCollection AddContactCenter(this IServiceCollection services, IConfiguration configuration)
    {
        // TODO(integration): AddTicketStore, AddRouting, AddEmailNormalizer, AddEmailChannels, AddReceipts, AddOcr, AddPaperChannels.
        services.AddMetrics();
        services.TryAddSingleton<IngestMetrics>();
        services.AddIngestPipeline(configuration);
        services.AddChannelCatalog(configuration);
        return services;
    }
}
