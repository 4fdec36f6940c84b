using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Quartz;

namespace ContactCenter.Workers.Scheduling;

public static class ChannelJobsServiceCollectionExtensions
{
    /// <summary>How often the outbox of receipts is looked at; each row has its own retry time.</summary>
    public static readonly TimeSpan OutboxInterval = TimeSpan.FromSeconds(15);

    /// <summary>The configured channels, their validation and their sources; used by the service and by <c>ingest --once</c>.</summary>
    public static IServiceCollection AddChannelCatalog(this IServiceCollection services, IConfiguration configuration)
    {
        services.TryAddSingleton(sp => new ChannelCatalog(configuration, sp.GetServices<Core.Channels.IChannelFactory>()));
        services.TryAddSingleton<ChannelSources>();
        services.TryAddSingleton<ChannelStatusRegistry>();
        services.AddOptions<ChannelSetOptions>().ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<ChannelSetOptions>, ChannelSetValidator>());
        return services;
    }

    /// <summary>
    /// One Quartz job per enabled channel, the mode watcher that moves their triggers, the push watcher that fires them
    /// early (IMAP IDLE), and the outbox job.
    /// </summary>
    public static IServiceCollection AddChannelJobs(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddChannelCatalog(configuration);
        var receiptsEnabled = configuration.GetValue("ContactCenter:Receipts:Enabled", true);
        services.AddQuartz(quartz =>
        {
            quartz.UseClusteredStoreIfShared(configuration);
            if (receiptsEnabled)
            {
                quartz.ScheduleJob<OutboxSendJob>(
                    trigger => trigger.WithIdentity("outbox", "receipts").StartNow().WithSimpleSchedule(s => s.WithInterval(OutboxInterval).RepeatForever()),
                    job => job.WithIdentity(OutboxSendJob.Key).DisallowConcurrentExecution());
            }
        });
        if (ClusteredScheduling.IsClustered(configuration))
        {
            // Before the scheduler starts, and stopped after it.
            services.AddHostedService<ClusterClockCheck>();
            services.AddHostedService<NodeNameGuard>();
        }

        services.AddQuartzHostedService(options => options.WaitForJobsToComplete = true);
        services.TryAddSingleton<ChannelScheduler>();
        services.AddHostedService(sp => sp.GetRequiredService<ChannelScheduler>());
        services.AddHostedService<ServiceModeWatcher>();
        services.AddHostedService<ChannelPushWatcher>();
        return services;
    }
}
