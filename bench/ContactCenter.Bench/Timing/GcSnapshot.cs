using System.Globalization;

namespace ContactCenter.Bench.Timing;

/// <summary>The garbage collector's counters at one moment; the difference of two says what a run cost it.</summary>
internal sealed record GcSnapshot(int Gen0, int Gen1, int Gen2, TimeSpan Paused, long Allocated)
{
    public static GcSnapshot Take() => new(
        GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2), GC.GetTotalPauseDuration(), GC.GetTotalAllocatedBytes());

    public GcSnapshot Since(GcSnapshot before) =>
        new(Gen0 - before.Gen0, Gen1 - before.Gen1, Gen2 - before.Gen2, Paused - before.Paused, Allocated - before.Allocated);

    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"{Gen0}/{Gen1}/{Gen2} collections of generation 0/1/2 (one of generation 2 counts for 1 and 0 too), {Paused.TotalSeconds:F2} s paused, "
        + $"{Allocated / 1024.0 / 1024.0:F0} MiB allocated");
}
