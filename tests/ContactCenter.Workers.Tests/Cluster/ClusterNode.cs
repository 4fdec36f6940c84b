using System.Diagnostics;
using System.Text;
using ContactCenter.Testing;
using ContactCenter.Workers.Tests.TestSupport;

namespace ContactCenter.Workers.Tests.Cluster;

/// <summary><c>contactcenter run</c> as a child process: one node of the cluster, its log kept, killable with SIGKILL.</summary>
internal sealed class ClusterNode : IDisposable
{
    private readonly Process process;
    private readonly StringBuilder log = new();
    private int created;

    public ClusterNode(string name, string config, Action<ClusterNode>? onTicketCreated = null)
    {
        Name = name;
        process = ContactCenterProcess.Create(Path.GetDirectoryName(config)!, ["run", "--config", config], line =>
        {
            if (line is null)
            {
                return;
            }

            lock (log)
            {
                log.AppendLine(line);
            }

            if (line.Contains("created ticket", StringComparison.Ordinal))
            {
                Interlocked.Increment(ref created);
                onTicketCreated?.Invoke(this);
            }
        });
        ContactCenterProcess.StartReading(process);
    }

    public string Name { get; }

    public int Created => Volatile.Read(ref created);

    public bool HasExited => process.HasExited;

    public string Log { get { lock (log) { return log.ToString(); } } }

    /// <summary>SIGTERM, as <c>systemctl stop</c> sends it; returns once the node has exited.</summary>
    public async Task TerminateAsync()
    {
        (await ProcessRunner.RunAsync("kill", ["-TERM", process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)], TimeSpan.FromSeconds(10)))
            .ExitCode.Should().Be(0);
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(1));
        await process.WaitForExitAsync(timeout.Token);
    }

    /// <summary>SIGKILL: no shutdown handler, no commit of anything in flight, no check-out from the cluster.</summary>
    public void Kill()
    {
        try
        {
            process.Kill(entireProcessTree: true);
        }
        catch (InvalidOperationException)
        {
            // Already gone.
        }
    }

    public void Dispose()
    {
        Kill();
        process.WaitForExit();
        process.Dispose();
    }
}
