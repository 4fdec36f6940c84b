using System.Runtime.InteropServices;

namespace ContactCenter.Fuzz;

/// <summary>SharpFuzz's coverage map, which instrumented code writes to on every branch.</summary>
internal static unsafe class CoverageMap
{
    private const int MapSize = 1 << 16;

    /// <summary>Under afl-fuzz SharpFuzz maps afl's shared memory; replay gives the instrumented code a private map.</summary>
    public static void EnsureForReplay()
    {
        if (SharpFuzz.Common.Trace.SharedMem == null)
        {
            SharpFuzz.Common.Trace.SharedMem = (byte*)NativeMemory.AllocZeroed(MapSize);
        }
    }
}
