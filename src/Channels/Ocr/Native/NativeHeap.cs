using System.Runtime.InteropServices;

namespace ContactCenter.Channels.Ocr.Native;

/// <summary>
/// glibc's heap, for Tesseract's allocations: each page allocates and frees tens of MB from whichever thread-pool
/// thread read it, and glibc keeps freed memory in per-thread arenas (up to 8 per core). Capping the arenas and mapping
/// large blocks on their own keeps the peak resident set near what the engines and the pages in flight need, without
/// a trim after each page (its madvise calls interrupt the other engine's core). Nothing happens off glibc (Windows, musl).
/// </summary>
internal static partial class NativeHeap
{
    private const int ArenaMaxParameter = -8;
    private const int MmapThresholdParameter = -3;
    private static bool unavailable = !OperatingSystem.IsLinux();

    /// <summary>At most <paramref name="arenas"/> malloc arenas from now on (M_ARENA_MAX).</summary>
    public static void LimitArenas(int arenas) => Call(() => MallOpt(ArenaMaxParameter, arenas));

    /// <summary>
    /// Blocks of <paramref name="bytes"/> and more get their own mapping, returned to the system when freed. glibc
    /// otherwise raises this threshold to the largest block freed so far (a page image, 8.7 MB at 300 dpi), after which
    /// page images are carved from the arenas and fragment them: measured on 20 pages with 2 engines, peak RSS 300–326
    /// MiB with the moving threshold, about 290 MiB with 4 MB.
    /// </summary>
    public static void MapBlocksFrom(int bytes) => Call(() => MallOpt(MmapThresholdParameter, bytes));

    private static void Call(Func<int> call)
    {
        if (unavailable)
        {
            return;
        }

        try
        {
            call();
        }
        catch (EntryPointNotFoundException)
        {
            unavailable = true;
        }
    }

    [LibraryImport("libc", EntryPoint = "mallopt")]
    private static partial int MallOpt(int parameter, int value);
}
