using ContactCenter.Core.Routing;
using ContactCenter.Core.Routing.Evaluation;
using Microsoft.Extensions.Configuration;

namespace ContactCenter.Core.Tests.Routing;

/// <summary>The shipped samples, read the way the service reads them (configuration binder, labelled-set loader).</summary>
internal static class SampleRules
{
    public static string RulesPath => Path.Combine(AppContext.BaseDirectory, "samples", "routing.rules.json");

    public static string LabelledPath => Path.Combine(AppContext.BaseDirectory, "samples", "routing.labelled.json");

    public static string HoldoutPath => Path.Combine(AppContext.BaseDirectory, "samples", "routing.holdout.json");

    public static IConfiguration Configuration() => new ConfigurationBuilder().AddJsonFile(RulesPath).Build();

    public static RoutingOptions Options()
    {
        var options = new RoutingOptions();
        Configuration().GetSection(RoutingOptions.SectionName).Bind(options);
        return options;
    }

    public static Task<LabelledSet> LabelledAsync() => LabelledSet.LoadFileAsync(LabelledPath);
}
