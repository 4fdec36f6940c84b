using System.Diagnostics;
using ContactCenter.Bench.Reporting;
using ContactCenter.Core.Storage;

namespace ContactCenter.Bench.Store;

/// <summary>
/// <c>store backup</c>'s snapshot of a LiteDB store of 20,000 tickets (<see cref="ITicketStore.BackupAsync"/>: a copy
/// of the data file between two writes, flushed) against a plain copy of the same file, flushed; and what ingest sees
/// meanwhile: batches of 10 dispatched in a loop, the longest one that overlapped a snapshot against the median of
/// those that did not. Each figure the best (or, for the stall, the worst) of three snapshots.
/// </summary>
internal sealed class BackupBenchmark : IBenchmark
{
    public string Name => "backup";

    public async Task<IReadOnlyList<BenchRow>> RunAsync(BenchContext context, CancellationToken cancellationToken)
    {
        var count = context.Size(20_000, 3_000);
        var folder = context.NewFolder("backup");
        var options = new StoreOptions { DataDirectory = Path.Combine(folder, "data") };
        using var store = TicketStoreFactory.Open(options);
        await StoreTickets.DispatchRateAsync(store, [.. Enumerable.Range(1, count).Select(n => StoreTickets.Request(n, "backup"))], 100, cancellationToken);
        var bytes = new FileInfo(options.ResolvedDatabasePath).Length;

        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var batches = new List<(long Start, long End)>();
        var ingest = Task.Run(() => IngestAsync(store, batches, stop.Token), CancellationToken.None);
        var snapshots = new List<(long Start, long End)>();
        var copies = new List<TimeSpan>();
        for (var run = 0; run < 3; run++)
        {
            await Task.Delay(300, cancellationToken);
            var started = Stopwatch.GetTimestamp();
            await store.BackupAsync(Path.Combine(folder, $"snapshot-{run}.db"), cancellationToken);
            snapshots.Add((started, Stopwatch.GetTimestamp()));
            copies.Add(PlainCopy(options.ResolvedDatabasePath, Path.Combine(folder, $"copy-{run}.db")));
        }

        await Task.Delay(300, cancellationToken);
        await stop.CancelAsync();
        await ingest;

        var snapshot = snapshots.Min(s => Stopwatch.GetElapsedTime(s.Start, s.End));
        var copy = copies.Min();
        bool Overlaps((long Start, long End) b) => snapshots.Any(s => b.Start < s.End && s.Start < b.End);
        var stalled = batches.Where(Overlaps).Select(b => Stopwatch.GetElapsedTime(b.Start, b.End)).DefaultIfEmpty().Max();
        var normal = batches.Where(b => !Overlaps(b)).Select(b => Stopwatch.GetElapsedTime(b.Start, b.End)).Order().ToList();
        var median = normal.Count > 0 ? normal[normal.Count / 2] : TimeSpan.Zero;
        BenchContext.Say($"backup: snapshot {snapshot.TotalMilliseconds:F0} ms, plain copy {copy.TotalMilliseconds:F0} ms, batch during it {stalled.TotalMilliseconds:F0} ms");
        return
        [
            new BenchRow(
                $"Store backup: snapshot of {count:N0} tickets ({bytes / 1048576.0:N0} MiB), LiteDB",
                $"{snapshot.TotalMilliseconds:N0} ms ({bytes / 1048576.0 / snapshot.TotalSeconds:N0} MiB/s); a batch of 10 dispatched meanwhile took at most {stalled.TotalMilliseconds:N0} ms",
                $"the same file copied and flushed, nothing else: {copy.TotalMilliseconds:N0} ms; a batch of 10 otherwise: median {median.TotalMilliseconds:N0} ms ({normal.Count} batches)",
                copy / snapshot,
                "–",
                "what `store backup` asks of the running service: the data file copied between two writes and flushed (ingest waits for it: the longest "
                + "batch that overlapped a snapshot is that wait); best of three snapshots, each alternating with the plain copy; the archive's copy "
                + "comes after and does not hold the store"),
        ];
    }

    private static async Task IngestAsync(ITicketStore store, List<(long, long)> batches, CancellationToken stop)
    {
        for (var n = 0; !stop.IsCancellationRequested; n++)
        {
            var started = Stopwatch.GetTimestamp();
            await store.DispatchAsync([.. Enumerable.Range(0, 10).Select(i => StoreTickets.Request(1_000_000 + n * 10 + i, "backup-live"))], CancellationToken.None);
            batches.Add((started, Stopwatch.GetTimestamp()));
        }
    }

    private static TimeSpan PlainCopy(string source, string target)
    {
        var started = Stopwatch.GetTimestamp();
        using (var input = new FileStream(source, FileMode.Open, FileAccess.Read, FileShare.ReadWrite, 1 << 16))
        using (var output = new FileStream(target, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16))
        {
            input.CopyTo(output);
            output.Flush(flushToDisk: true);
        }

        return Stopwatch.GetElapsedTime(started);
    }
}
