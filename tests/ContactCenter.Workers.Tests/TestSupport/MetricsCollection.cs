namespace ContactCenter.Workers.Tests.TestSupport;

/// <summary>
/// Tests that read a running service's <c>/metrics</c> run alone. Every service host in the test process makes a Meter
/// of the same name; OpenTelemetry aggregates identical instruments across them, and a host that ends and disposes its
/// Meter stops that name's instruments in every other host too (opentelemetry-dotnet#6412): a gauge vanished from a
/// scrape for 30 s while other tests' services came and went. One service per process, as in production, has neither.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class MetricsCollection
{
    public const string Name = "Metrics";
}
