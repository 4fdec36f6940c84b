using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ContactCenter.Core.Storage;

public static class StoreServiceCollectionExtensions
{
    /// <summary>
    /// Binds <c>ContactCenter:Store</c> (validated at start) and registers the ticket store, opened on first use, the
    /// content archive, and <see cref="TimeProvider.System"/> unless a TimeProvider is already registered. The store
    /// queues webhook deliveries for the <see cref="WebhookSubscriptions"/> registered, if any.
    /// </summary>
    public static IServiceCollection AddTicketStore(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<StoreOptions>()
            .Bind(configuration.GetSection(StoreOptions.SectionName))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<ITicketStore>(sp => new LazyTicketStore(() => TicketStoreFactory.Open(
            sp.GetRequiredService<IOptions<StoreOptions>>().Value,
            sp.GetRequiredService<TimeProvider>(),
            sp.GetService<ILoggerFactory>(),
            sp.GetService<WebhookSubscriptions>())));
        services.TryAddSingleton(sp => TicketStoreFactory.OpenArchive(
            sp.GetRequiredService<IOptions<StoreOptions>>().Value,
            sp.GetService<ILoggerFactory>()));
        return services;
    }
}
