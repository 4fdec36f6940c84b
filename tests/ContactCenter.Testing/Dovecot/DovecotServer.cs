using System.Collections.Concurrent;
using System.Diagnostics;
using System.Runtime.InteropServices;

namespace ContactCenter.Testing.Dovecot;

/// <summary>
/// A real Dovecot (IMAP + POP3, plain and TLS) on free loopback ports, with a private config and Maildirs in a temp
/// folder. Must run as root (Dovecot drops to the <c>mail</c> user). All users share <see cref="Password"/>.
/// </summary>
public sealed partial class DovecotServer : IAsyncDisposable
{
    public const string Password = "secret";
    public const string Host = "127.0.0.1";

    private static readonly string[] InitialUsers = ["alice", "bob", "carol", "dave", "erin"];
    private readonly object _passwdLock = new();
    private Process? _process;

    private DovecotServer(string root)
    {
        RootPath = root;
        ImapPort = FreePort.Next();
        ImapsPort = FreePort.Next();
        Pop3Port = FreePort.Next();
        Pop3sPort = FreePort.Next();
    }

    public string RootPath { get; }
    public int ImapPort { get; }
    public int ImapsPort { get; }
    public int Pop3Port { get; }
    public int Pop3sPort { get; }
    public string ConfigPath => Path.Combine(RootPath, "dovecot.conf");
    public string LogPath => Path.Combine(RootPath, "dovecot.log");
    public bool IsRunning => _process is { HasExited: false };

    /// <summary>The users created at start (alice, bob, carol, dave, erin); prefer <see cref="CreateUser"/> for isolation.</summary>
    public static IReadOnlyList<string> Users => InitialUsers;

    /// <summary>Writes the config and a self-signed certificate (CN=localhost), starts Dovecot and waits until it answers.</summary>
    public static Task<DovecotServer> CreateAsync(CancellationToken cancellationToken = default) => CreateAsync(null, cancellationToken);

    /// <summary>
    /// As <see cref="CreateAsync(CancellationToken)"/>; with <paramref name="oauth2IntrospectionUrl"/>, XOAUTH2/OAUTHBEARER
    /// logins are accepted when that URL (RFC 7662, form POST) says the token is active for the user.
    /// </summary>
    public static async Task<DovecotServer> CreateAsync(string? oauth2IntrospectionUrl, CancellationToken cancellationToken = default)
    {
        // A port probed free can be taken by another test process's connection before Dovecot binds it; fresh ports
        // then are the cure, so a start where Dovecot exits at once is tried again on new ones.
        for (var attempt = 1; ; attempt++)
        {
            var server = new DovecotServer(Path.Combine(Path.GetTempPath(), $"cc-dovecot-{Guid.NewGuid():N}"[..24]));
            try
            {
                await server.PrepareAsync(oauth2IntrospectionUrl, cancellationToken).ConfigureAwait(false);
                await server.StartAsync(cancellationToken).ConfigureAwait(false);
                return server;
            }
            catch (DovecotExitedException) when (attempt < 3)
            {
                await server.DisposeAsync().ConfigureAwait(false);
            }
            catch
            {
                await server.DisposeAsync().ConfigureAwait(false);
                throw;
            }
        }
    }

    /// <summary>Adds a user with a unique name (Dovecot re-reads the passwd-file), giving a test its own empty mailbox.</summary>
    /// <param name="quotaKib">The mailbox's storage quota in KiB (RFC 2087's unit); without it, the server's 10 GiB.</param>
    public string CreateUser(string prefix = "user", int? quotaKib = null)
    {
        var user = $"{prefix}-{Guid.NewGuid():N}"[..(prefix.Length + 9)];
        var quota = quotaKib is { } kib ? $"userdb_quota_rule=*:storage={kib.ToString(System.Globalization.CultureInfo.InvariantCulture)}K" : "";
        lock (_passwdLock)
        {
            File.AppendAllLines(Path.Combine(RootPath, "passwd"), [PasswdLine(user) + quota]);
        }

        return user;
    }

    public string MaildirPath(string user) => Path.Combine(RootPath, "mail", user, "Maildir");

    /// <summary>Starts (or restarts after <see cref="StopAsync"/>) Dovecot on the same ports.</summary>
    public async Task StartAsync(CancellationToken cancellationToken = default)
    {
        if (IsRunning)
        {
            return;
        }

        var start = new ProcessStartInfo("dovecot", ["-F", "-c", ConfigPath])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        _process = Process.Start(start) ?? throw new InvalidOperationException("dovecot did not start");
        // Before its log file is open Dovecot reports on stderr (a port in use, a config error): kept for the message.
        var console = new ConcurrentQueue<string>();
        _process.OutputDataReceived += (_, e) => Remember(console, e.Data);
        _process.ErrorDataReceived += (_, e) => Remember(console, e.Data);
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
        AppDomain.CurrentDomain.ProcessExit += KillOnExit;

        // Generous: CI starts it while several suites load two cores.
        var deadline = DateTime.UtcNow.AddSeconds(45);
        while (!await FreePort.AcceptsAsync(ImapPort, cancellationToken).ConfigureAwait(false)
               || !await FreePort.AcceptsAsync(Pop3Port, cancellationToken).ConfigureAwait(false))
        {
            if (_process.HasExited || DateTime.UtcNow > deadline)
            {
                var exited = _process.HasExited;
                if (exited)
                {
                    // Drains the redirected output, so the lines that explain the exit are in.
                    _process.WaitForExit();
                }

                var message = $"Dovecot did not come up on {ImapPort}/{Pop3Port} ({(exited ? $"exited with {_process.ExitCode}" : "still silent at the deadline")})."
                    + $"\nIts output:\n{string.Join('\n', console)}\nLog:\n{ReadLog()}";
                await StopAsync().ConfigureAwait(false);
                throw exited ? new DovecotExitedException(message) : new InvalidOperationException(message);
            }

            await Task.Delay(50, cancellationToken).ConfigureAwait(false);
        }
    }

    private static void Remember(ConcurrentQueue<string> lines, string? line)
    {
        if (line is not null && lines.Count < 200)
        {
            lines.Enqueue(line);
        }
    }

    /// <summary>Stops Dovecot (SIGTERM, then kill) and waits until its ports refuse connections: a real outage.</summary>
    public async Task StopAsync()
    {
        var process = _process;
        _process = null;
        if (process is null)
        {
            return;
        }

        AppDomain.CurrentDomain.ProcessExit -= KillOnExit;
        if (!process.HasExited)
        {
            _ = Kill(process.Id, 15);
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5));
            try
            {
                await process.WaitForExitAsync(timeout.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                process.Kill(entireProcessTree: true);
                await process.WaitForExitAsync().ConfigureAwait(false);
            }
        }

        process.Dispose();
        var deadline = DateTime.UtcNow.AddSeconds(5);
        while ((await FreePort.AcceptsAsync(ImapPort).ConfigureAwait(false) || await FreePort.AcceptsAsync(Pop3Port).ConfigureAwait(false))
               && DateTime.UtcNow < deadline)
        {
            await Task.Delay(50).ConfigureAwait(false);
        }
    }

    public string ReadLog() => File.Exists(LogPath) ? File.ReadAllText(LogPath) : "(no log)";

    public async ValueTask DisposeAsync()
    {
        await StopAsync().ConfigureAwait(false);
        try
        {
            Directory.Delete(RootPath, recursive: true);
        }
        catch (IOException)
        {
            // A late Dovecot child may still be writing an index; the folder is in temp.
        }
    }

    private static string PasswdLine(string user) => $"{user}:{{PLAIN}}{Password}::::::";

    private void KillOnExit(object? sender, EventArgs e)
    {
        try
        {
            _process?.Kill(entireProcessTree: true);
        }
        catch (InvalidOperationException)
        {
        }
    }

    [LibraryImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static partial int Kill(int pid, int signal);
}
