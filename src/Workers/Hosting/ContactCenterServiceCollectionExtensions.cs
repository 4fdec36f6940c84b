using ContactCenter.Channels.Acknowledgement;
using ContactCenter.Ml;
using ContactCenter.Channels.Email;
using ContactCenter.Channels.Email.Screening;
using ContactCenter.Channels.Ocr;
using ContactCenter.Channels.Paper;
using ContactCenter.Channels.Voice;
using ContactCenter.Core.Diagnostics;
using ContactCenter.Core.Pipeline;
using ContactCenter.Core.Routing;
using ContactCenter.Core.Storage;
using ContactCenter.WebForm;
using Microsoft.Extensions.DependencyInjection.Extensions;
using ContactCenter.Workers.Scheduling;
using ContactCenter.Workers.Webhooks;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace ContactCenter.Workers.Hosting;

public static class ContactCenterServiceCollectionExtensions
{
    /// <summary>Every area's services, one AddXxx each; the scheduler is added by <c>AddChannelJobs</c> for the service only.</summary>
    public static IServiceCollection AddContactCenter(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddStoreProvider(configuration);
        services.AddWebhooks(configuration);
        services.AddRouting(configuration);
        services.AddRoutingModel(configuration);
        services.AddEmailNormalizer(configuration);
        services.AddMailScreening(configuration);
        services.AddReceipts(configuration);
        services.AddEmailChannels();
        services.AddOcr(configuration);
        services.AddPaperChannels(configuration);
        services.AddVoiceChannels(configuration);
        services.AddMetrics();
        services.TryAddSingleton<IngestMetrics>();
        services.AddIngestPipeline(configuration);
        services.AddChannelCatalog(configuration);
        services.AddWebForm(configuration);
        return services;
    }
}
