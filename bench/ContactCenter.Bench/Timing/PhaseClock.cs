using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;

namespace ContactCenter.Bench.Timing;

/// <summary>
/// Time spent per component during an end-to-end run, summed over calls. Parallel calls (the normalisers) add up to
/// more than the wall time; the report divides by the parallelism where it says so.
/// </summary>
internal sealed class PhaseClock
{
    private readonly ConcurrentDictionary<string, Phase> phases = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<PhaseCall> calls = new();

    public void Add(string phase, long startedTimestamp)
    {
        var ended = Stopwatch.GetTimestamp();
        calls.Enqueue(new PhaseCall(phase, startedTimestamp, ended));
        var elapsed = Stopwatch.GetElapsedTime(startedTimestamp, ended).Ticks;
        phases.AddOrUpdate(phase, _ => new Phase(elapsed, 1), (_, p) => new Phase(p.Ticks + elapsed, p.Calls + 1));
    }

    /// <summary>Every call so far, with its start and end (Stopwatch timestamps), for overlaps (<see cref="StoreWait"/>).</summary>
    public IReadOnlyList<PhaseCall> Calls() => [.. calls];

    public TimeSpan Total(string phase) => phases.TryGetValue(phase, out var p) ? TimeSpan.FromTicks(p.Ticks) : TimeSpan.Zero;

    public int Calls(string phase) => phases.TryGetValue(phase, out var p) ? p.Calls : 0;

    /// <summary>"store.DispatchAsync 12.3 s (50 calls), ..." from the largest down.</summary>
    public string Describe(int top = 8) => string.Join(", ", phases
        .OrderByDescending(p => p.Value.Ticks)
        .Take(top)
        .Select(p => string.Create(CultureInfo.InvariantCulture, $"{p.Key} {TimeSpan.FromTicks(p.Value.Ticks).TotalSeconds:F1} s ({p.Value.Calls} calls)")));

    private readonly record struct Phase(long Ticks, int Calls);
}
