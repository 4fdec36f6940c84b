using System.Diagnostics;
using ContactCenter.Workers.Tests.TestSupport;

namespace ContactCenter.Workers.Tests.Crash;

/// <summary>
/// The built service (<c>dotnet contactcenter.dll run --config ...</c>) as a child process: started, watched through
/// its log output, killed with SIGKILL (no shutdown handler runs, nothing is flushed) or stopped with SIGTERM.
/// </summary>
internal sealed partial class CrashWorker : IAsyncDisposable
{
    private readonly Process process;
    private int ticketsCreated;

    private CrashWorker(IReadOnlyList<string> configFiles) =>
        process = ContactCenterProcess.Create(
            Path.GetDirectoryName(configFiles[^1])!, ["run", .. configFiles.SelectMany(c => (string[])["--config", c])], Watch);

    public int TicketsCreated => Volatile.Read(ref ticketsCreated);

    public bool HasExited => process.HasExited;

    public static CrashWorker Start(IReadOnlyList<string> configFiles)
    {
        var worker = new CrashWorker(configFiles);
        ContactCenterProcess.StartReading(worker.process);
        return worker;
    }

    /// <summary>
    /// Returns once this run has logged <paramref name="count"/> durably stored tickets (the pipeline logs them right
    /// after the batch's dispatch, before acknowledging it), or after <paramref name="timeout"/>.
    /// </summary>
    public async Task WaitForTicketsAsync(int count, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (TicketsCreated < count && !process.HasExited && DateTime.UtcNow < deadline)
        {
            await Task.Delay(2);
        }
    }

    /// <summary>SIGKILL: the process dies where it stands.</summary>
    public async Task KillAsync()
    {
        if (!process.HasExited)
        {
            process.Kill();
        }

        await process.WaitForExitAsync();
    }

    /// <summary>SIGTERM and wait: the graceful stop an operator or systemd does.</summary>
    public async Task StopAsync(TimeSpan timeout)
    {
        if (!process.HasExited)
        {
            _ = Signal(process.Id, 15);
        }

        using var cts = new CancellationTokenSource(timeout);
        try
        {
            await process.WaitForExitAsync(cts.Token);
        }
        catch (OperationCanceledException)
        {
            await KillAsync();
        }
    }

    public async ValueTask DisposeAsync()
    {
        await KillAsync();
        process.Dispose();
    }

    private void Watch(string? line)
    {
        if (line is null)
        {
            return;
        }

        if (line.Contains("created ticket", StringComparison.Ordinal))
        {
            Interlocked.Increment(ref ticketsCreated);
        }
    }

    [System.Runtime.InteropServices.LibraryImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static partial int Signal(int pid, int signal);
}
