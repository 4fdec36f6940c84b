using ContactCenter.Core.Intake;
using ContactCenter.Core.Receipts;
using ContactCenter.Core.Sla;
using ContactCenter.Core.Tracking;
using ContactCenter.WebForm.Pages;
using ContactCenter.WebForm.Submission;
using ContactCenter.WebForm.Tracking;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace ContactCenter.WebForm;

public static class WebFormServiceCollectionExtensions
{
    /// <summary>
    /// <c>ContactCenter:WebForm</c> (validated at start), the tracking links receipts carry (<see cref="ITrackingLinks"/>,
    /// only when the form is enabled) and the normaliser of archived submissions (so <c>quarantine retry</c> works
    /// from the CLI too). The listener itself is <see cref="AddWebFormEndpoint"/>, for the running service.
    /// </summary>
    public static IServiceCollection AddWebForm(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<WebFormOptions>().Bind(configuration.GetSection(WebFormOptions.SectionName)).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<WebFormOptions>, WebFormOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<TrackingSecret>();
        services.TryAddSingleton<TrackingLinks>();
        if (configuration.GetValue<bool>($"{WebFormOptions.SectionName}:Enabled"))
        {
            services.TryAddSingleton<ITrackingLinks>(sp => sp.GetRequiredService<TrackingLinks>());
        }

        services.TryAddEnumerable(ServiceDescriptor.Singleton<IItemNormalizer, WebFormNormalizer>());
        return services;
    }

    /// <summary>The form's own listener, started with the service when <c>ContactCenter:WebForm:Enabled</c>.</summary>
    public static IServiceCollection AddWebFormEndpoint(this IServiceCollection services)
    {
        services.AddMetrics();
        services.TryAddSingleton<WebFormMetrics>();
        services.TryAddSingleton<TopicList>();
        services.TryAddSingleton<FormValidator>();
        services.TryAddSingleton<SubmissionService>();
        services.TryAddSingleton(sp =>
        {
            var zone = TimeZoneInfo.FindSystemTimeZoneById(sp.GetRequiredService<IOptions<SlaOptions>>().Value.TimeZone);
            return new SiteInfo(sp.GetRequiredService<IOptions<ReceiptOptions>>().Value.ContactCenterName, new ItalianDates(zone));
        });
        services.AddHostedService<WebFormEndpoint>();
        return services;
    }
}
