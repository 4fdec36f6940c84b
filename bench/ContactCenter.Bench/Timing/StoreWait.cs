using System.Diagnostics;
using System.Globalization;

namespace ContactCenter.Bench.Timing;

/// <summary>
/// Whether the store is the bottleneck, measured directly: the wall time during which a store call was running
/// (<c>store.*</c>, or an archive write inside a normaliser) and nothing else of the poll was (no fetch, no
/// acknowledgement, no normaliser outside an archive write). Then the poll waited on the store with nothing else to do;
/// a store hidden behind normalising the next batch adds nothing here. Routing and classifying are not timed, so they
/// count as neither. <see cref="Dispatch"/> is the part of it with a dispatch running (the rest: archive writes and lookups).
/// </summary>
internal readonly record struct StoreWait(TimeSpan Alone, TimeSpan Dispatch, TimeSpan Wall)
{
    private const string Normalizing = "normalizer.NormalizeAsync";

    public double Share => Wall > TimeSpan.Zero ? Alone / Wall : 0;

    /// <summary>The calls of <paramref name="clock"/> between two Stopwatch timestamps (the poll's start and end).</summary>
    public static StoreWait Measure(PhaseClock clock, long from, long to) => Measure(clock.Calls(), from, to);

    public static StoreWait Measure(IEnumerable<PhaseCall> calls, long from, long to)
    {
        // Sweep over every start and end in time order, keeping how many calls of each kind are running.
        var edges = new List<(long At, int Step, Kind Kind)>();
        foreach (var call in calls)
        {
            var (start, end) = (Math.Max(call.Started, from), Math.Min(call.Ended, to));
            if (end > start && KindOf(call.Phase) is { } kind)
            {
                edges.Add((start, 1, kind));
                edges.Add((end, -1, kind));
            }
        }

        var running = new int[Enum.GetValues<Kind>().Length];
        long alone = 0, dispatch = 0, last = from;
        foreach (var (at, step, kind) in edges.OrderBy(e => e.At))
        {
            if (IsStoreAlone(running))
            {
                alone += at - last;
                dispatch += running[(int)Kind.Dispatch] > 0 ? at - last : 0;
            }

            running[(int)kind] += step;
            last = at;
        }

        return new StoreWait(Stopwatch.GetElapsedTime(0, alone), Stopwatch.GetElapsedTime(0, dispatch), Stopwatch.GetElapsedTime(from, to));
    }

    /// <summary>"the poll waited on the store alone 0.4 s (12 % of the wall; 0.3 s of it in dispatches)".</summary>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"the poll waited on the store with nothing else to do {Alone.TotalSeconds:F2} s ({Share * 100:F0} % of {Wall.TotalSeconds:F1} s of wall; {Dispatch.TotalSeconds:F2} s of it in dispatches)");

    private static bool IsStoreAlone(int[] running) =>
        (running[(int)Kind.Dispatch] > 0 || running[(int)Kind.Store] > 0 || running[(int)Kind.Archive] > 0)
        && running[(int)Kind.Source] == 0
        && running[(int)Kind.Normalizing] <= running[(int)Kind.Archive];

    private static Kind? KindOf(string phase) => phase switch
    {
        "store.DispatchAsync" => Kind.Dispatch,
        _ when phase.StartsWith("store.", StringComparison.Ordinal) => Kind.Store,
        _ when phase.StartsWith("archive.", StringComparison.Ordinal) => Kind.Archive,
        _ when phase.StartsWith("source.", StringComparison.Ordinal) => Kind.Source,
        Normalizing => Kind.Normalizing,
        _ => null,
    };

    private enum Kind
    {
        Dispatch,
        Store,
        Archive,
        Source,
        Normalizing,
    }
}
