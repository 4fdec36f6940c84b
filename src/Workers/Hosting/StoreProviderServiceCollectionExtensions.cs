using ContactCenter.Core.Storage;
using ContactCenter.Stores.PostgreSql;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting.Systemd;

namespace ContactCenter.Workers.Hosting;

public static class StoreProviderServiceCollectionExtensions
{
    /// <summary>
    /// The store <c>ContactCenter:Store:Provider</c> names: LiteDB (default) or PostgreSQL, whose registrations come
    /// first so that <c>AddTicketStore</c> adds only what is still missing (the options).
    /// </summary>
    public static IServiceCollection AddStoreProvider(this IServiceCollection services, IConfiguration configuration)
    {
        if (IsShared(configuration))
        {
            services.AddPostgreSqlTicketStore(configuration);
            services.TryAddSingleton(sp => new StartupProgress(sp.GetRequiredService<TimeProvider>(), sp.GetService<ISystemdNotifier>()));
            services.AddHostedService<StoreSchemaMigration>();
        }

        return services.AddTicketStore(configuration);
    }

    /// <summary>True when the store is PostgreSQL, shared by every node.</summary>
    public static bool IsShared(IConfiguration configuration) =>
        configuration.GetValue($"{StoreOptions.SectionName}:{nameof(StoreOptions.Provider)}", StoreProvider.LiteDb) == StoreProvider.PostgreSql;
}
