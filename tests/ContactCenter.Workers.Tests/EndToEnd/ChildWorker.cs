using System.Diagnostics;
using ContactCenter.Testing;

namespace ContactCenter.Workers.Tests.EndToEnd;

/// <summary>The built <c>contactcenter</c> run as a child process with <c>dotnet</c>, to be killed for real.</summary>
internal static class ChildWorker
{
    /// <summary>
    /// Runs <c>ingest --once</c> and sends SIGKILL once <paramref name="killAfterTickets"/> tickets are logged as created
    /// (or after <paramref name="killAfter"/>). Returns whether the kill happened before the process ended on its own.
    /// </summary>
    public static async Task<bool> RunAndKillAsync(string config, int killAfterTickets, TimeSpan? killAfter = null)
    {
        using var process = Start(config);
        var created = 0;
        var enough = new TaskCompletionSource();
        process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data?.Contains("created ticket", StringComparison.Ordinal) == true && Interlocked.Increment(ref created) >= killAfterTickets)
            {
                enough.TrySetResult();
            }
        };
        process.BeginErrorReadLine();
        process.BeginOutputReadLine();
        var timeout = Task.Delay(killAfter ?? TimeSpan.FromMinutes(2));
        await Task.WhenAny(enough.Task, timeout, process.WaitForExitAsync());
        if (process.HasExited)
        {
            return false;
        }

        process.Kill(); // SIGKILL on Linux: no shutdown handler, no flush.
        await process.WaitForExitAsync();
        return true;
    }

    public static async Task<int> RunToEndAsync(string config)
    {
        using var process = Start(config);
        process.BeginErrorReadLine();
        process.BeginOutputReadLine();
        using var cts = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        await process.WaitForExitAsync(cts.Token);
        return process.ExitCode;
    }

    /// <summary>Runs any verb to the end with extra environment variables; returns the exit code and stdout.</summary>
    public static async Task<(int ExitCode, string Output)> RunAsync(IReadOnlyList<string> args, IReadOnlyDictionary<string, string> environment, string workingDirectory)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false, WorkingDirectory = workingDirectory };
        start.ArgumentList.Add(Path.Combine(RepositoryPaths.WorkerOutput, "contactcenter.dll"));
        foreach (var argument in args)
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var cts = new CancellationTokenSource(TimeSpan.FromMinutes(1));
        await process.WaitForExitAsync(cts.Token);
        return (process.ExitCode, await output + await error);
    }

    private static Process Start(string config)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
            UseShellExecute = false,
            WorkingDirectory = Path.GetDirectoryName(config)!,
        };
        foreach (var argument in new[] { Path.Combine(RepositoryPaths.WorkerOutput, "contactcenter.dll"), "ingest", "--once", "--config", config })
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["DOTNET_NOLOGO"] = "1";
        var process = new Process { StartInfo = start };
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.Start();
        return process;
    }
}
