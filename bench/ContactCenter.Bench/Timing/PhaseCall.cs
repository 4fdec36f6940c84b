namespace ContactCenter.Bench.Timing;

/// <summary>One timed call: its phase name and its start and end as <see cref="System.Diagnostics.Stopwatch"/> timestamps.</summary>
internal readonly record struct PhaseCall(string Phase, long Started, long Ended);
