using ContactCenter.Bench.Store;

namespace ContactCenter.Bench;

/// <summary>The benchmarks in the order they run (the cheap and independent ones first).</summary>
internal static class BenchmarkCatalog
{
    public static IReadOnlyList<IBenchmark> All { get; } =
    [
        new StoreBenchmark(),
    ];
}
