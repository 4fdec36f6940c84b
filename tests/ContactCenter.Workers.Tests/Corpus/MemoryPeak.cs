using System.Diagnostics;

namespace ContactCenter.Workers.Tests.Corpus;

/// <summary>Samples the process's working set and managed heap while a run goes on, keeping the peaks.</summary>
internal sealed class MemoryPeak : IAsyncDisposable
{
    private readonly CancellationTokenSource stop = new();
    private readonly Task sampler;

    public MemoryPeak()
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        BaselineWorkingSet = PeakWorkingSet = CurrentWorkingSet();
        BaselineManaged = PeakManaged = GC.GetTotalMemory(forceFullCollection: false);
        sampler = Task.Run(SampleAsync);
    }

    public long BaselineWorkingSet { get; }

    public long BaselineManaged { get; }

    public long PeakWorkingSet { get; private set; }

    public long PeakManaged { get; private set; }

    public long WorkingSetGrowth => PeakWorkingSet - BaselineWorkingSet;

    public long ManagedGrowth => PeakManaged - BaselineManaged;

    public async ValueTask DisposeAsync()
    {
        await stop.CancelAsync();
        await sampler;
        stop.Dispose();
    }

    private static long CurrentWorkingSet()
    {
        using var process = Process.GetCurrentProcess();
        return process.WorkingSet64;
    }

    private async Task SampleAsync()
    {
        while (!stop.IsCancellationRequested)
        {
            PeakWorkingSet = Math.Max(PeakWorkingSet, CurrentWorkingSet());
            PeakManaged = Math.Max(PeakManaged, GC.GetTotalMemory(forceFullCollection: false));
            try
            {
                await Task.Delay(10, stop.Token);
            }
            catch (OperationCanceledException)
            {
                break;
            }
        }
    }
}
