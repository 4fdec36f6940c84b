using System.Diagnostics;
using ContactCenter.Testing;

namespace ContactCenter.Workers.Tests.TestSupport;

/// <summary>Starts the built <c>contactcenter.dll</c> under <c>dotnet</c> (OMP_THREAD_LIMIT=1, as the service runs), its output read line by line.</summary>
internal static class ContactCenterProcess
{
    public static string Dll => Path.Combine(RepositoryPaths.WorkerOutput, "contactcenter.dll");

    /// <summary>
    /// The child, not yet started (so the caller can hold it before the first line arrives): <paramref name="onError"/>
    /// receives the log (stderr), <paramref name="onOutput"/> stdout (the log's handler when null).
    /// </summary>
    public static Process Create(string workingDirectory, IEnumerable<string> arguments, Action<string?> onError, Action<string?>? onOutput = null)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
            UseShellExecute = false,
            WorkingDirectory = workingDirectory,
        };
        start.ArgumentList.Add(Dll);
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["DOTNET_NOLOGO"] = "1";
        start.Environment["OMP_THREAD_LIMIT"] = "1";
        var process = new Process { StartInfo = start };
        process.OutputDataReceived += (_, e) => (onOutput ?? onError)(e.Data);
        process.ErrorDataReceived += (_, e) => onError(e.Data);
        return process;
    }

    /// <summary>Starts a process from <see cref="Create"/> and begins reading both of its streams.</summary>
    public static void StartReading(Process process)
    {
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
    }
}
