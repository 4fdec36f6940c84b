using System.Diagnostics;
using System.Text;
using ContactCenter.Workers.Tests.TestSupport;

namespace ContactCenter.Workers.Tests.EndToEnd;

/// <summary>
/// <c>dotnet contactcenter.dll ingest --once</c> as a child process (OMP_THREAD_LIMIT=1, as the service runs), its log
/// on stderr watched line by line so a test can SIGKILL it the moment a given line appears.
/// </summary>
internal sealed class ChildIngest : IDisposable
{
    private readonly Process process;
    private readonly StringBuilder output = new();
    private readonly StringBuilder log = new();
    private readonly Func<string, bool>? killWhen;
    private int killed;

    private ChildIngest(string config, IReadOnlyList<string> extraArguments, Func<string, bool>? killWhen)
    {
        this.killWhen = killWhen;
        process = ContactCenterProcess.Create(
            Path.GetDirectoryName(config)!, ["ingest", "--once", "--config", config, .. extraArguments], OnLogLine, line => Append(output, line));
        ContactCenterProcess.StartReading(process);
    }

    /// <summary>True when the test's SIGKILL ended the process (not its own exit).</summary>
    public bool WasKilled => Volatile.Read(ref killed) == 1 && process.ExitCode == 137;

    public int ExitCode => process.ExitCode;

    public string Output { get { lock (output) { return output.ToString(); } } }

    public string Log { get { lock (log) { return log.ToString(); } } }

    /// <summary>Starts a run that is killed (SIGKILL, whole process tree) as soon as a log line matches <paramref name="killWhen"/>.</summary>
    public static ChildIngest Start(string config, Func<string, bool>? killWhen = null, params string[] extraArguments) =>
        new(config, extraArguments, killWhen);

    /// <summary>Waits for the process to end, by itself or killed; a run that hangs fails the test.</summary>
    public async Task WaitAsync(TimeSpan timeout)
    {
        if (!await EndsWithinAsync(timeout))
        {
            throw new TimeoutException($"contactcenter ingest did not end within {timeout}; its log:\n{Log}");
        }
    }

    /// <summary>Waits for the process to end, by itself or killed; SIGKILLs it when <paramref name="timeout"/> runs out first (then false).</summary>
    public async Task<bool> EndsWithinAsync(TimeSpan timeout)
    {
        using var cts = new CancellationTokenSource(timeout);
        try
        {
            await process.WaitForExitAsync(cts.Token);
        }
        catch (OperationCanceledException)
        {
            Kill();
            await process.WaitForExitAsync();
            return false;
        }

        // The asynchronous readers may still hold the last lines: WaitForExit() without a timeout drains them.
        process.WaitForExit();
        return true;
    }

    public void Dispose()
    {
        if (!process.HasExited)
        {
            Kill();
            process.WaitForExit();
        }

        process.Dispose();
    }

    private void OnLogLine(string? line)
    {
        Append(log, line);
        if (line is not null && killWhen?.Invoke(line) == true)
        {
            // Right here on the reader thread: the fewer hops between the line and the signal, the sharper the point.
            Kill();
        }
    }

    private void Kill()
    {
        if (Interlocked.Exchange(ref killed, 1) == 1)
        {
            return;
        }

        try
        {
            process.Kill(entireProcessTree: true); // SIGKILL on Linux: no shutdown handler, no flush, no finally.
        }
        catch (InvalidOperationException)
        {
            // It ended on its own in the meantime.
        }
    }

    private static void Append(StringBuilder target, string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (target)
        {
            target.AppendLine(line);
        }
    }
}
