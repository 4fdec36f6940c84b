using System.Diagnostics;
using ContactCenter.Testing.Dovecot;

namespace ContactCenter.Testing.Rspamd;

/// <summary>
/// A real rspamd (Debian's, 3.4) on free loopback ports with a private config and a private redis (Bayes learning needs
/// one) in a temp folder: no system service involved. As root it runs as <c>_rspamd</c>, the package's user.
/// </summary>
public sealed class RspamdServer : IAsyncDisposable
{
    public const string Password = "learn-secret";

    /// <summary>The GTUBE line: rspamd rejects any message containing it.</summary>
    public const string Gtube = "XJS*C4JDBQADN1.NSBN3*2IDNEN*GTUBE-STANDARD-ANTI-UBE-TEST-EMAIL*C.34X";

    private Process? _redis;
    private Process? _rspamd;

    private RspamdServer(string root)
    {
        RootPath = root;
        NormalPort = FreePort.Next();
        ControllerPort = FreePort.Next();
        RedisPort = FreePort.Next();
    }

    public string RootPath { get; }
    public int NormalPort { get; }
    public int ControllerPort { get; }
    public int RedisPort { get; }
    public Uri Url => new($"http://127.0.0.1:{NormalPort}/");
    public Uri ControllerUrl => new($"http://127.0.0.1:{ControllerPort}/");
    public string LogPath => Path.Combine(RootPath, "rspamd.log");

    public static async Task<RspamdServer> StartAsync(CancellationToken cancellationToken = default)
    {
        var root = Path.Combine(Path.GetTempPath(), $"cc-rspamd-{Guid.NewGuid():N}"[..23]);
        var server = new RspamdServer(root);
        try
        {
            foreach (var (name, text) in RspamdConfig.Files(root, server.NormalPort, server.ControllerPort, server.RedisPort, Password))
            {
                var path = Path.Combine(root, name);
                Directory.CreateDirectory(Path.GetDirectoryName(path)!);
                await File.WriteAllTextAsync(path, text, cancellationToken).ConfigureAwait(false);
            }

            foreach (var dir in new[] { "db", "run" })
            {
                Directory.CreateDirectory(Path.Combine(root, dir));
            }

            if (Environment.UserName == "root")
            {
                await Tools.RunAsync("chown", ["-R", "_rspamd:_rspamd", root], cancellationToken).ConfigureAwait(false);
            }

            server._redis = Launch("redis-server", ["--port", server.RedisPort.ToString(System.Globalization.CultureInfo.InvariantCulture),
                "--bind", "127.0.0.1", "--save", "", "--appendonly", "no", "--dir", root]);
            var user = Environment.UserName == "root" ? new[] { "-u", "_rspamd", "-g", "_rspamd" } : [];
            server._rspamd = Launch("rspamd", [.. user, "-f", "-c", "/etc/rspamd/rspamd.conf", $"--var=LOCAL_CONFDIR={root}",
                $"--var=DBDIR={Path.Combine(root, "db")}", $"--var=RUNDIR={Path.Combine(root, "run")}", $"--var=LOGDIR={root}"]);
            await server.WaitReadyAsync(cancellationToken).ConfigureAwait(false);
            return server;
        }
        catch
        {
            await server.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var process in new[] { _rspamd, _redis })
        {
            if (process is { HasExited: false })
            {
                // SIGTERM first: rspamd's main process stops and reaps its workers; a kill is the fallback.
                await ProcessRunner.RunAsync("kill", ["-TERM", process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)],
                    TimeSpan.FromSeconds(10)).ConfigureAwait(false);
                using var grace = new CancellationTokenSource(TimeSpan.FromSeconds(10));
                try
                {
                    await process.WaitForExitAsync(grace.Token).ConfigureAwait(false);
                }
                catch (OperationCanceledException)
                {
                    process.Kill(entireProcessTree: true);
                    await process.WaitForExitAsync().ConfigureAwait(false);
                }
            }

            process?.Dispose();
        }

        try
        {
            Directory.Delete(RootPath, recursive: true);
        }
        catch (IOException)
        {
            // A worker still closing its log: the temp folder is cleaned by the OS.
        }
    }

    private static Process Launch(string file, IEnumerable<string> arguments)
    {
        var start = new ProcessStartInfo(file, arguments) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        var process = Process.Start(start) ?? throw new InvalidOperationException($"{file} did not start");
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    private async Task WaitReadyAsync(CancellationToken cancellationToken)
    {
        using var http = new HttpClient(new SocketsHttpHandler { UseProxy = false }) { Timeout = TimeSpan.FromSeconds(5) };
        // Generous: rspamd compiles its regular expressions at start, slow on a loaded 2-core machine.
        var deadline = DateTime.UtcNow.AddMinutes(5);
        while (DateTime.UtcNow < deadline)
        {
            if (_rspamd is { HasExited: true } exited)
            {
                throw new InvalidOperationException($"rspamd exited with {exited.ExitCode}: {LogTail()}");
            }

            try
            {
                var normal = await http.GetStringAsync(new Uri(Url, "ping"), cancellationToken).ConfigureAwait(false);
                var controller = await http.GetStringAsync(new Uri(ControllerUrl, "ping"), cancellationToken).ConfigureAwait(false);
                if (normal.Contains("pong", StringComparison.Ordinal) && controller.Contains("pong", StringComparison.Ordinal))
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // not listening yet
            }
            catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                // busy starting
            }

            await Task.Delay(250, cancellationToken).ConfigureAwait(false);
        }

        throw new TimeoutException($"rspamd did not answer on {Url} and {ControllerUrl} within 5 minutes: {LogTail()}");
    }

    private string LogTail()
    {
        try
        {
            return string.Join(Environment.NewLine, File.ReadLines(LogPath).TakeLast(15));
        }
        catch (IOException ex)
        {
            return $"(no log at {LogPath}: {ex.Message})";
        }
    }
}
