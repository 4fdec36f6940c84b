using ContactCenter.Core.Storage;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Npgsql;

namespace ContactCenter.Stores.PostgreSql;

public static class PostgreSqlStoreServiceCollectionExtensions
{
    /// <summary>
    /// Binds <c>ContactCenter:Store:PostgreSql</c> (validated at start) and registers the PostgreSQL store and archive
    /// on one shared data source, the cluster's shared secrets (<see cref="ISharedKeyStore"/>) and its rate windows
    /// (<see cref="ISharedRateCounter"/>). Call before
    /// <c>AddTicketStore</c>, whose LiteDB registrations then stand aside.
    /// </summary>
    public static IServiceCollection AddPostgreSqlTicketStore(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<PostgreSqlStoreOptions>()
            .Bind(configuration.GetSection(PostgreSqlStoreOptions.SectionName))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<PostgreSqlStoreOptions>, PostgreSqlStoreOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(sp => PostgreSqlTicketStoreFactory.CreateDataSource(sp.GetRequiredService<IOptions<PostgreSqlStoreOptions>>().Value));
        services.TryAddSingleton<ChannelNodes>();
        services.TryAddSingleton<ClusterCheckIns>();
        services.TryAddSingleton<PostgreSqlStoreLocation>();
        services.TryAddSingleton<ISharedKeyStore>(sp => new PostgreSqlSharedKeys(
            sp.GetRequiredService<NpgsqlDataSource>(), (sp.GetService<ILoggerFactory>() ?? NullLoggerFactory.Instance).CreateLogger<PostgreSqlSharedKeys>(),
            SharedKeysCipher.From(sp.GetRequiredService<IOptions<PostgreSqlStoreOptions>>().Value)));
        services.TryAddSingleton<ISharedRateCounter>(sp => new PostgreSqlRateWindows(
            sp.GetRequiredService<NpgsqlDataSource>(), sp.GetRequiredService<TimeProvider>(),
            (sp.GetService<ILoggerFactory>() ?? NullLoggerFactory.Instance).CreateLogger<PostgreSqlRateWindows>()));
        services.TryAddSingleton(sp => new PendingBlobs(
            sp.GetRequiredService<IOptions<PostgreSqlStoreOptions>>().Value.PendingBlobBytes, sp.GetRequiredService<TimeProvider>()));
        services.TryAddSingleton<ITicketStore>(sp => PostgreSqlTicketStoreFactory.Open(
            sp.GetRequiredService<IOptions<StoreOptions>>().Value,
            sp.GetRequiredService<IOptions<PostgreSqlStoreOptions>>().Value,
            sp.GetRequiredService<NpgsqlDataSource>(),
            ownsDataSource: false,
            sp.GetRequiredService<TimeProvider>(),
            sp.GetService<ILoggerFactory>(),
            sp.GetService<WebhookSubscriptions>(),
            sp.GetRequiredService<PendingBlobs>()));
        services.TryAddSingleton(sp => PostgreSqlTicketStoreFactory.OpenArchive(
            sp.GetRequiredService<IOptions<StoreOptions>>().Value,
            sp.GetRequiredService<IOptions<PostgreSqlStoreOptions>>().Value,
            sp.GetRequiredService<NpgsqlDataSource>(),
            sp.GetService<ILoggerFactory>(),
            sp.GetRequiredService<PendingBlobs>()));
        return services;
    }
}
