using System.Diagnostics;
using ContactCenter.Testing;
using ContactCenter.Workers.Tests.TestSupport;

namespace ContactCenter.Workers.Tests.Control;

/// <summary>The built <c>contactcenter run</c> as a child process, stopped with a real SIGTERM as systemd would.</summary>
internal sealed class ServiceProcess : IDisposable
{
    private readonly Process process;
    private readonly System.Text.StringBuilder log = new();

    private ServiceProcess(string workingDirectory, string[] configs) =>
        process = ContactCenterProcess.Create(workingDirectory, ["run", .. configs.SelectMany(c => (string[])["--config", c])], Append);

    public int Id => process.Id;

    public bool HasExited => process.HasExited;

    public int ExitCode => process.ExitCode;

    public string Log
    {
        get
        {
            lock (log)
            {
                return log.ToString();
            }
        }
    }

    public static ServiceProcess Start(string workingDirectory, params string[] configs)
    {
        var child = new ServiceProcess(workingDirectory, configs);
        ContactCenterProcess.StartReading(child.process);
        return child;
    }

    /// <summary>SIGTERM through kill(1): what systemd sends on <c>systemctl stop</c>.</summary>
    public async Task TerminateAsync()
    {
        var kill = await ProcessRunner.RunAsync("kill", ["-TERM", Id.ToString(System.Globalization.CultureInfo.InvariantCulture)], TimeSpan.FromSeconds(10));
        kill.ExitCode.Should().Be(0, kill.StandardError);
    }

    public async Task<bool> WaitForExitAsync(TimeSpan within)
    {
        using var cts = new CancellationTokenSource(within);
        try
        {
            await process.WaitForExitAsync(cts.Token);
            return true;
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    public void Dispose()
    {
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
            process.WaitForExit(10_000);
        }

        process.Dispose();
    }

    private void Append(string? line)
    {
        if (line is not null)
        {
            lock (log)
            {
                log.AppendLine(line);
            }
        }
    }
}
