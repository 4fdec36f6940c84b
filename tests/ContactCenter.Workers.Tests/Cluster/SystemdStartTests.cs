using System.Diagnostics;
using System.Text;
using ContactCenter.Testing;
using ContactCenter.Testing.Dovecot;
using ContactCenter.Testing.PostgreSql;
using ContactCenter.Workers.Hosting;
using ContactCenter.Workers.Tests.TestSupport;

namespace ContactCenter.Workers.Tests.Cluster;

/// <summary>
/// A node started by systemd (<c>Type=notify</c>) while its database is not up yet, as after a power cut: it must not
/// crash, and not be killed by the unit's start timeout while it waits or migrates. Run as systemd runs it, as far as
/// the service can tell: the first process of its own PID namespace with <c>NOTIFY_SOCKET</c> set, talking to a real
/// notify socket.
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed class SystemdStartTests(DovecotFixture dovecot, PostgresFixture postgres) : IDisposable
{
    private readonly TempDirectory folder = new("cc-systemd");

    public void Dispose() => folder.Dispose();

    [Fact]
    public async Task Run_DatabaseNotUpYet_WaitsTellingSystemdThenStartsOnceItIs()
    {
        var database = await postgres.Server.CreateDatabaseAsync();
        var config = ClusterConfig.Write(folder.Path, "node-a", database, dovecot.Server, dovecot.Server.CreateUser("systemd"), FreePort.Next());
        using var notify = new NotifySocket();
        var log = new StringBuilder();
        await postgres.Server.StopAsync();
        using var node = Start(config, notify.Path, log);
        try
        {
            try
            {
                await Polling.UntilAsync(() => node.HasExited || Lines(log).Contains("cannot be reached (attempt 2)"), TimeSpan.FromMinutes(1), () => Lines(log));

                node.HasExited.Should().BeFalse(Lines(log));
                notify.Received.Should().Contain(s => s.StartsWith("STATUS=Migrating", StringComparison.Ordinal))
                    .And.Contain($"EXTEND_TIMEOUT_USEC={StartupProgress.ExtensionMicroseconds}")
                    .And.NotContain("READY=1", "the service is not ready while it has no database");
            }
            finally
            {
                await postgres.Server.StartAsync();
            }

            await Polling.UntilAsync(() => notify.Received.Contains("READY=1"), TimeSpan.FromMinutes(1), () => Lines(log));
            notify.Received.Should().Contain("STATUS=", "the status is cleared once the schema is current");
        }
        finally
        {
            node.Kill(entireProcessTree: true);
            await node.WaitForExitAsync();
        }
    }

    private static Process Start(string config, string notifySocket, StringBuilder log)
    {
        var start = new ProcessStartInfo("unshare") { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
        foreach (var argument in (string[])["--pid", "--fork", "dotnet", ContactCenterProcess.Dll, "run", "--config", config])
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["NOTIFY_SOCKET"] = notifySocket;
        start.Environment["OMP_THREAD_LIMIT"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";
        var process = new Process { StartInfo = start };
        process.OutputDataReceived += (_, e) => { lock (log) { log.AppendLine(e.Data); } };
        process.ErrorDataReceived += (_, e) => { lock (log) { log.AppendLine(e.Data); } };
        ContactCenterProcess.StartReading(process);
        return process;
    }

    private static string Lines(StringBuilder log)
    {
        lock (log)
        {
            return log.ToString();
        }
    }
}
