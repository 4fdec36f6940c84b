using ContactCenter.Bench.Latency;
using ContactCenter.Bench.Mail;
using ContactCenter.Bench.Memory;
using ContactCenter.Bench.Ocr;
using ContactCenter.Bench.PostgreSql;
using ContactCenter.Bench.Statistics;
using ContactCenter.Bench.Store;

namespace ContactCenter.Bench;

/// <summary>The benchmarks in the order they run (the cheap and independent ones first).</summary>
internal static class BenchmarkCatalog
{
    public static IReadOnlyList<IBenchmark> All { get; } =
    [
        new DiskSyncBenchmark(),
        new StoreBenchmark(),
        new BackupBenchmark(),
        new ArchiveNamesBenchmark(),
        new MailBenchmark(),
        new Pop3Benchmark(),
        new RemoteMailBenchmark(),
        new LatencyBenchmark(),
        new OcrBenchmark(),
        new MemoryBenchmark(),
        new PostgreSqlStoreBenchmark(),
        new PostgreSqlMailBenchmark(),
        new StatisticsBenchmark(),
    ];
}
