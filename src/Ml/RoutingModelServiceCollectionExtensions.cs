using ContactCenter.Core.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ContactCenter.Ml;

public static class RoutingModelServiceCollectionExtensions
{
    /// <summary>
    /// The learned model ("ContactCenter:Routing:Model"), validated at start, and the classifier that joins it to the
    /// rules: it replaces the rules-only <see cref="ITicketClassifier"/> of <c>AddRouting</c> (call this after it). On a
    /// store several nodes share, every node follows the cluster's model (<see cref="SharedRoutingModelSync"/>).
    /// </summary>
    public static IServiceCollection AddRoutingModel(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<RoutingModelOptions>().Bind(configuration.GetSection(RoutingModelOptions.SectionName)).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<RoutingModelOptions>, RoutingModelOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<RoutingModelProvider>();
        // Runs only in the service (the CLI never starts hosted services), and only on a store several nodes share.
        services.AddHostedService<SharedRoutingModelSync>();
        services.TryAddSingleton(sp => new RoutingModelTrainer(
            sp.GetRequiredService<RuleBasedClassifier>(), sp.GetRequiredService<IOptions<RoutingOptions>>().Value, sp.GetRequiredService<TimeProvider>()));
        services.TryAddSingleton(sp => new RoutingModelEvaluator(
            sp.GetRequiredService<RuleBasedClassifier>(),
            sp.GetRequiredService<RoutingModelProvider>(),
            sp.GetRequiredService<RoutingModelTrainer>(),
            sp.GetRequiredService<IOptions<RoutingModelOptions>>().Value,
            sp.GetRequiredService<IOptions<RoutingOptions>>().Value));
        services.Replace(ServiceDescriptor.Singleton<ITicketClassifier>(sp => new LearnedTicketClassifier(
            sp.GetRequiredService<RuleBasedClassifier>(),
            sp.GetRequiredService<RoutingModelProvider>(),
            sp.GetRequiredService<IOptions<RoutingModelOptions>>().Value,
            sp.GetRequiredService<IOptions<RoutingOptions>>().Value,
            sp.GetRequiredService<ILoggerFactory>().CreateLogger<LearnedTicketClassifier>())));
        return services;
    }
}
