using System.Diagnostics;

namespace ContactCenter.Bench.Memory;

/// <summary>Runs the installed <c>contactcenter</c> as a child and samples its VmHWM every 10 ms until it exits.</summary>
internal static class PeakRssRun
{
    public static async Task<(long PeakBytes, int ExitCode, string Output)> IngestOnceAsync(IReadOnlyList<string> configFiles, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(InstalledProgram.Dll);
        start.ArgumentList.Add("ingest");
        start.ArgumentList.Add("--once");
        start.ArgumentList.Add("--json");
        foreach (var config in configFiles)
        {
            start.ArgumentList.Add("--config");
            start.ArgumentList.Add(config);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException("contactcenter did not start");
        var output = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var error = process.StandardError.ReadToEndAsync(cancellationToken);
        long peak = 0;
        while (!process.HasExited)
        {
            peak = Math.Max(peak, ProcessMemory.Read(process.Id, "VmHWM") ?? 0);
            await Task.Delay(10, cancellationToken);
        }

        await process.WaitForExitAsync(cancellationToken);
        return (peak, process.ExitCode, await output + await error);
    }
}
