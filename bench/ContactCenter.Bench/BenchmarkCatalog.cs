#if CC_PIPELINE
using ContactCenter.Bench.Latency;
using ContactCenter.Bench.Mail;
using ContactCenter.Bench.Memory;
#endif
using ContactCenter.Bench.Store;

namespace ContactCenter.Bench;

/// <summary>The benchmarks in the order they run (the cheap and independent ones first).</summary>
internal static class BenchmarkCatalog
{
    public static IReadOnlyList<IBenchmark> All { get; } =
    [
        new DiskSyncBenchmark(),
        new StoreBenchmark(),
#if CC_PIPELINE
        new MailBenchmark(),
        new LatencyBenchmark(),
#endif
#if CC_OCR
        new Ocr.OcrBenchmark(),
#endif
#if CC_PIPELINE
        new MemoryBenchmark(),
#endif
    ];
}
