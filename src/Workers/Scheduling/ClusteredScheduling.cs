using ContactCenter.Stores.PostgreSql;
using ContactCenter.Workers.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Quartz;

namespace ContactCenter.Workers.Scheduling;

/// <summary>
/// With the PostgreSQL store, Quartz keeps its jobs and triggers in the same database and runs clustered: a channel's
/// job (DisallowConcurrentExecution) fires on one node at a time, whichever acquires its trigger; a node that stops
/// checking in for about a check-in interval is declared dead and its channels go to the others. With LiteDB the
/// scheduler stays in memory.
/// </summary>
internal static class ClusteredScheduling
{
    public const string SchedulerName = "contactcenter";

    /// <summary>True when the store is PostgreSQL and its scheduler is clustered (the default there).</summary>
    public static bool IsClustered(IConfiguration configuration) =>
        StoreProviderServiceCollectionExtensions.IsShared(configuration) && Options(configuration).Clustered;

    public static IQuartzBuilder UseClusteredStoreIfShared(this IQuartzBuilder quartz, IConfiguration configuration)
    {
        if (!IsClustered(configuration))
        {
            return quartz;
        }

        var options = Options(configuration);

        quartz.ConfigureScheduler(scheduler =>
        {
            scheduler.InstanceName = SchedulerName;
            scheduler.InstanceId = options.ResolvedNodeName;
        });
        quartz.AddJobListener<ChannelNodeListener>([GroupMatcher<JobKey>.GroupEquals(ChannelTriggers.JobKey("").Group)]);
        quartz.UsePersistentStore(store =>
        {
            // The tables come with the store's schema migration (0002_quartz.sql), never from Quartz itself.
            store.UsePostgres(dataSource => dataSource.DataSourceFactory = sp => sp.GetRequiredService<NpgsqlDataSource>());
            store.UseClustering(clustering =>
            {
                clustering.CheckinInterval = options.ClusterCheckinInterval;
                clustering.CheckinMisfireThreshold = options.ClusterCheckinInterval * 2;
            });
        });
        return quartz;
    }

    private static PostgreSqlStoreOptions Options(IConfiguration configuration) =>
        configuration.GetSection(PostgreSqlStoreOptions.SectionName).Get<PostgreSqlStoreOptions>() ?? new PostgreSqlStoreOptions();
}
