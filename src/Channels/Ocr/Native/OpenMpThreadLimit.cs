namespace ContactCenter.Channels.Ocr.Native;

/// <summary>
/// Debian's libtesseract uses OpenMP; with its default threads every engine competes for all cores and a page takes
/// ~5× longer. libgomp reads OMP_THREAD_LIMIT once, when it is loaded, so it must be set in the native environment
/// before libtesseract is (omp_set_num_threads was measured to have no effect: Tesseract asks for its own counts).
/// </summary>
internal static class OpenMpThreadLimit
{
    public const string Variable = "OMP_THREAD_LIMIT";

    /// <summary>Sets OMP_THREAD_LIMIT=1 unless the environment already chose a value; returns the value in force.</summary>
    public static string Apply()
    {
        var existing = Environment.GetEnvironmentVariable(Variable);
        if (!string.IsNullOrEmpty(existing))
        {
            return existing;
        }

        Environment.SetEnvironmentVariable(Variable, "1");
        if (!OperatingSystem.IsWindows())
        {
            // overwrite = 0: a value the service's unit file set natively stays.
            LibC.SetEnv(Variable, "1", overwrite: 0);
        }

        return "1";
    }
}
