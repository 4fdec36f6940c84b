namespace ContactCenter.WebForm.Tests.TestSupport;

/// <summary>
/// Tests that read <c>/metrics</c> run alone: a service host that ends disposes its Meter, and OpenTelemetry then stops
/// the instruments of that name in every other host of the process (opentelemetry-dotnet#6412), so a counter another
/// test's service just ended could vanish from this test's scrape.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class MetricsCollection
{
    public const string Name = "Metrics";
}
