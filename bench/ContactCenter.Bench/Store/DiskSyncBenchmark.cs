using System.Diagnostics;
using ContactCenter.Bench.Reporting;

namespace ContactCenter.Bench.Store;

/// <summary>
/// What one fsync costs on the disk the other benchmarks write to: every durable number below (checkpoints, archived
/// originals) is bounded by it. 4 KB written and flushed to disk, against the same write without the flush.
/// </summary>
internal sealed class DiskSyncBenchmark : IBenchmark
{
    public string Name => "disk";

    public Task<IReadOnlyList<BenchRow>> RunAsync(BenchContext context, CancellationToken cancellationToken)
    {
        var count = context.Size(200, 60);
        var folder = context.NewFolder("disk");
        var synced = Rate.PerSecond(count, Write(folder, count, flush: true));
        var unsynced = Rate.PerSecond(count, Write(folder, count, flush: false));
        BenchContext.Say($"disk: {synced:F0} fsync'd writes/s, {unsynced:F0} plain writes/s");
        IReadOnlyList<BenchRow> rows =
        [
            new BenchRow(
                "Disk: 4 KB file written + fsync",
                Rate.Format(synced, "files/s"),
                $"same write without fsync: {Rate.Format(unsynced, "files/s")}",
                synced / unsynced,
                "–",
                "the ceiling of anything that fsyncs per item (archive files, per-batch checkpoints)"),
        ];
        return Task.FromResult(rows);
    }

    private static TimeSpan Write(string folder, int count, bool flush)
    {
        var data = new byte[4096];
        Random.Shared.NextBytes(data);
        var started = Stopwatch.GetTimestamp();
        for (var i = 0; i < count; i++)
        {
            using var file = new FileStream(Path.Combine(folder, $"{flush}-{i}"), FileMode.CreateNew, FileAccess.Write);
            file.Write(data);
            file.Flush(flushToDisk: flush);
        }

        return Stopwatch.GetElapsedTime(started);
    }
}
