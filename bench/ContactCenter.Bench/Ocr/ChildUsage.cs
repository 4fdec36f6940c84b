using System.Globalization;
using ContactCenter.Testing;

namespace ContactCenter.Bench.Ocr;

/// <summary>
/// Runs a command under GNU time (Debian package <c>time</c>), which reports the child's own rusage when it exits:
/// user + system CPU seconds and maximum resident set (the kernel's VmHWM), without sampling.
/// </summary>
internal static class ChildUsage
{
    public sealed record Usage(ProcessRunner.Result Run, double CpuSeconds, long PeakBytes);

    public static async Task<Usage> RunAsync(
        string program, IEnumerable<string> arguments, IReadOnlyDictionary<string, string> environment, CancellationToken cancellationToken)
    {
        var report = Path.GetTempFileName();
        try
        {
            var run = await ProcessRunner.RunAsync(
                "/usr/bin/time", ["-f", "%U %S %M", "-o", report, program, .. arguments], Timeout.InfiniteTimeSpan,
                environment: environment, cancellationToken: cancellationToken);
            var fields = (await File.ReadAllLinesAsync(report, cancellationToken)).Last(l => l.Length > 0).Split(' ');
            var cpu = double.Parse(fields[0], CultureInfo.InvariantCulture) + double.Parse(fields[1], CultureInfo.InvariantCulture);
            return new Usage(run, cpu, long.Parse(fields[2], CultureInfo.InvariantCulture) * 1024);
        }
        finally
        {
            File.Delete(report);
        }
    }
}
