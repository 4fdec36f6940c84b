using ContactCenter.Bench.Reporting;

namespace ContactCenter.Bench;

internal interface IBenchmark
{
    /// <summary>The name given to <c>--only</c>.</summary>
    string Name { get; }

    Task<IReadOnlyList<BenchRow>> RunAsync(BenchContext context, CancellationToken cancellationToken);
}
