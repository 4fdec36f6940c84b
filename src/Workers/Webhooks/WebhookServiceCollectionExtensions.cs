using ContactCenter.Core.Storage;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Quartz;

namespace ContactCenter.Workers.Webhooks;

public static class WebhookServiceCollectionExtensions
{
    /// <summary>
    /// <c>ContactCenter:Webhooks</c>, validated at start, and the subscriptions the store queues events for. Every
    /// command that can change a ticket needs them (a CLI verb acting on the store directly queues events too).
    /// </summary>
    public static IServiceCollection AddWebhooks(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<WebhookOptions>().Bind(configuration.GetSection(WebhookOptions.SectionName)).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<WebhookOptions>, WebhookOptionsValidator>());
        services.TryAddSingleton(sp => new WebhookSubscriptions(sp.GetRequiredService<IOptions<WebhookOptions>>().Value.Endpoints
            .Where(e => e.Value.Enabled)
            .Select(e => new KeyValuePair<string, IReadOnlySet<string>>(e.Key, e.Value.EffectiveEvents))));
        return services;
    }

    /// <summary>
    /// The running service's side: the sender, its HTTP client (no redirects: a signed body goes only where configured)
    /// and its Quartz job, on the service's scheduler (clustered with PostgreSQL: one node delivers at a time).
    /// </summary>
    public static IServiceCollection AddWebhookDelivery(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddWebhooks(configuration);
        services.AddMetrics();
        services.TryAddSingleton<WebhookMetrics>();
        services.TryAddSingleton(sp => new WebhookSender(
            sp.GetRequiredService<ITicketStore>(),
            new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false, PooledConnectionLifetime = TimeSpan.FromMinutes(2) })
            {
                Timeout = Timeout.InfiniteTimeSpan,
            },
            sp.GetRequiredService<IOptions<WebhookOptions>>(),
            sp.GetRequiredService<WebhookMetrics>(),
            sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<ILogger<WebhookSender>>()));
        services.AddHostedService<WebhookSecretStartupCheck>();
        var interval = configuration.GetValue($"{WebhookOptions.SectionName}:PollInterval", new WebhookOptions().PollInterval);
        services.AddQuartz(quartz => quartz.ScheduleJob<WebhookDeliveryJob>(
            trigger => trigger.WithIdentity("deliver", "webhooks").StartNow().WithSimpleSchedule(s => s.WithInterval(interval).RepeatForever()),
            job => job.WithIdentity(WebhookDeliveryJob.Key).DisallowConcurrentExecution()));
        return services;
    }
}
