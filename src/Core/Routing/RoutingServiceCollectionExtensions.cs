using ContactCenter.Core.Routing.Evaluation;
using ContactCenter.Core.Sla;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace ContactCenter.Core.Routing;

public static class RoutingServiceCollectionExtensions
{
    /// <summary>Classification rules ("ContactCenter:Routing") and the SLA clock ("ContactCenter:Sla"), validated at start.</summary>
    public static IServiceCollection AddRouting(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<RoutingOptions>().Bind(configuration.GetSection(RoutingOptions.SectionName)).ValidateOnStart();
        services.AddOptions<SlaOptions>().Bind(configuration.GetSection(SlaOptions.SectionName)).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<RoutingOptions>, RoutingOptionsValidator>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<SlaOptions>, SlaOptionsValidator>());

        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<RuleBasedClassifier>();
        services.TryAddSingleton<ITicketClassifier>(sp => sp.GetRequiredService<RuleBasedClassifier>());
        services.TryAddSingleton(sp => new ClassificationEvaluator(sp.GetRequiredService<ITicketClassifier>()));

        services.TryAddSingleton(sp => new BusinessCalendar(sp.GetRequiredService<IOptions<SlaOptions>>().Value));
        services.TryAddSingleton<DueDatePlanner>();
        services.TryAddSingleton<IDueDatePlanner>(sp => sp.GetRequiredService<DueDatePlanner>());
        services.TryAddSingleton<SlaClock>();
        return services;
    }
}
