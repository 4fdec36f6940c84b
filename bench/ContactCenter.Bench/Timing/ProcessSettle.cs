namespace ContactCenter.Bench.Timing;

internal static class ProcessSettle
{
    /// <summary>
    /// Before each timed run: the garbage of the run before collected, and the JIT's background recompiling of what the
    /// runs before made hot finished (no method compiled for half a second, 10 s at most), so that neither timed run
    /// pays for the one before it.
    /// </summary>
    public static async Task WaitAsync(CancellationToken cancellationToken)
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        var compiled = System.Runtime.JitInfo.GetCompiledMethodCount();
        for (var i = 0; i < 20; i++)
        {
            await Task.Delay(500, cancellationToken);
            var now = System.Runtime.JitInfo.GetCompiledMethodCount();
            if (now == compiled)
            {
                break;
            }

            compiled = now;
        }
    }
}
