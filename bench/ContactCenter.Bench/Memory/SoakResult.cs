namespace ContactCenter.Bench.Memory;

internal sealed record SoakResult(Snapshot AtCheckpoint, Snapshot AtEnd, int Created);
