namespace ContactCenter.Bench.Ocr;

/// <summary>One timed pass over the page set: wall time, CPU seconds of the processes that did the work, their peak RSS.</summary>
/// <param name="PeakBytes">Largest VmHWM of one process (0 when measured in the bench's own process).</param>
internal sealed record OcrRun(TimeSpan Elapsed, double CpuSeconds, long PeakBytes, string[] Texts);
