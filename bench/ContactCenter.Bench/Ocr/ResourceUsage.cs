using System.Runtime.InteropServices;

namespace ContactCenter.Bench.Ocr;

/// <summary>libc's getrusage for the bench's own process: user + system CPU seconds of all its threads, native ones included.</summary>
internal static partial class ResourceUsage
{
    private const int Self = 0;

    public static double SelfCpuSeconds()
    {
        // struct rusage on 64-bit Linux: two timevals (seconds, microseconds) then 14 longs.
        Span<long> usage = stackalloc long[18];
        if (GetRUsage(Self, ref MemoryMarshal.GetReference(usage)) != 0)
        {
            throw new InvalidOperationException($"getrusage failed ({Marshal.GetLastPInvokeError()})");
        }

        return usage[0] + (usage[1] / 1e6) + usage[2] + (usage[3] / 1e6);
    }

    [LibraryImport("libc", EntryPoint = "getrusage", SetLastError = true)]
    private static partial int GetRUsage(int who, ref long usage);
}
