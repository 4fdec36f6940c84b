using System.Diagnostics;
using System.Security.Cryptography;
using ContactCenter.Bench.Reporting;
using ContactCenter.Core.Storage.Archive;

namespace ContactCenter.Bench.Store;

/// <summary>
/// What <c>store backup</c> and <c>store verify</c> hold in memory: every archive name the store refers to, gathered
/// and then walked in order. <see cref="Sha256Set"/> (32 bytes a name) against the set of strings it replaced, sorted
/// as its callers sorted it, on the same names, each string made as the store's reader makes it (one per record).
/// </summary>
internal sealed class ArchiveNamesBenchmark : IBenchmark
{
    public string Name => "names";

    public Task<IReadOnlyList<BenchRow>> RunAsync(BenchContext context, CancellationToken cancellationToken)
    {
        var count = context.Size(2_000_000, 200_000);
        var (setBytes, setTime) = Measure(count, () => new Sha256Set(), (set, name) => set.Add(name), set => set);
        var (stringBytes, stringTime) = Measure(count, () => new HashSet<string>(StringComparer.OrdinalIgnoreCase), (set, name) => set.Add(name),
            set => set.Order(StringComparer.Ordinal));
        BenchContext.Say($"names: {setBytes / count:F0} B/name in {setTime.TotalSeconds:F1} s; strings {stringBytes / count:F0} B/name in {stringTime.TotalSeconds:F1} s");
        IReadOnlyList<BenchRow> rows =
        [
            new BenchRow(
                $"Archive names held by `store backup` / `store verify` ({count:N0} names)",
                $"{setBytes / 1048576.0:N0} MiB ({setBytes / count:N0} B a name), gathered and walked in order in {setTime.TotalSeconds:N1} s",
                $"a set of 64-character strings, sorted to walk: {stringBytes / 1048576.0:N0} MiB ({stringBytes / count:N0} B a name), {stringTime.TotalSeconds:N1} s",
                (double)stringBytes / setBytes,
                "–",
                "heap held once every name is gathered (after a full GC); walking them in order adds a sorted copy of the keys (32 B a name) or the " +
                "strings' sort buffer (about 12 B a name); the ratio is how many times less memory; a store of some years names millions of files " +
                "(each ticket its original, and its attachments)"),
        ];
        return Task.FromResult(rows);
    }

    private static (long Bytes, TimeSpan Time) Measure<T>(int count, Func<T> create, Action<T, string> add, Func<T, IEnumerable<string>> ordered)
        where T : class
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        var before = GC.GetTotalMemory(forceFullCollection: true);
        var started = Stopwatch.GetTimestamp();
        var set = create();
        Span<byte> seed = stackalloc byte[4];
        for (var i = 0; i < count; i++)
        {
            BitConverter.TryWriteBytes(seed, i);
            add(set, Convert.ToHexStringLower(SHA256.HashData(seed)));
        }

        var held = GC.GetTotalMemory(forceFullCollection: true) - before;
        string? last = null;
        foreach (var name in ordered(set))
        {
            last = name;
        }

        var time = Stopwatch.GetElapsedTime(started);
        GC.KeepAlive(set);
        return last is null ? throw new InvalidOperationException("no name walked") : (held, time);
    }
}
