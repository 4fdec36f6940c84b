using System.Diagnostics;
using System.Net;
using System.Text;
using ContactCenter.Testing;
using ContactCenter.Testing.Dovecot;
using ContactCenter.Workers.Tests.EndToEnd;

namespace ContactCenter.Workers.Tests.Install;

/// <summary>
/// What the image runs, without a registry to pull its base from: the published Workers project started with the
/// image's configuration (install/container/appsettings.json) and environment (contactcenter.env, HOME nowhere), in
/// a mount namespace where every file system is read-only except the data volume, the intake folders and /tmp.
/// </summary>
[Collection(PublishingCollection.Name)]
public sealed class ContainerRunTests
{
    [Fact]
    public async Task PublishedOutput_OnAReadOnlyRoot_IngestsTheSampleMailAndScan_AndAnswersHealth()
    {
        using var root = new TempDirectory("cc-container");
        var app = root.Combine("app");
        var publish = await ProcessRunner.RunAsync("dotnet",
            ["publish", Path.Combine(RepositoryPaths.Root, "src", "Workers", "ContactCenter.Workers.csproj"), "-c", RepositoryPaths.Configuration,
             "--no-build", "-o", app, "--nologo", "-v", "q"], TimeSpan.FromMinutes(5));
        publish.ExitCode.Should().Be(0, publish.StandardOutput + publish.StandardError);
        var config = root.Combine("etc", "appsettings.json");
        Directory.CreateDirectory(Path.GetDirectoryName(config)!);
        File.Copy(Path.Combine(RepositoryPaths.Root, "install", "container", "appsettings.json"), config);

        // The volumes: data, the mail and scan intake (the image's /var/lib/contactcenter and /srv/intake) and /tmp.
        var data = Directory.CreateDirectory(root.Combine("volumes", "data")).FullName;
        var intake = Directory.CreateDirectory(root.Combine("volumes", "intake")).FullName;
        var tmp = Directory.CreateDirectory(root.Combine("volumes", "tmp")).FullName;
        Copy(Path.Combine(RepositoryPaths.Root, "samples", "mail"), Path.Combine(intake, "mail", "inbox"));
        Copy(Path.Combine(RepositoryPaths.Root, "samples", "scans"), Path.Combine(intake, "scans", "inbox"));
        var port = FreePort.Next();
        var environment = ContainerEnvironment(data, intake, tmp, port);

        using var service = Start(root, [data, intake, tmp], ["dotnet", Path.Combine(app, "contactcenter.dll"), "run", "--config", config], environment,
            out var log);
        try
        {
            using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}/"), Timeout = TimeSpan.FromSeconds(10) };
            var deadline = DateTime.UtcNow.AddMinutes(4);
            while (!(Done(intake, "mail", 6) && Done(intake, "scans", 1)) && DateTime.UtcNow < deadline && !service.HasExited)
            {
                await Task.Delay(500);
            }

            service.HasExited.Should().BeFalse(Text(log));
            Done(intake, "mail", 6).Should().BeTrue("every sample mail is taken:\n" + Text(log));
            Done(intake, "scans", 1).Should().BeTrue("the scan is read with Tesseract:\n" + Text(log));
            using var health = await http.GetAsync("health");
            health.StatusCode.Should().Be(HttpStatusCode.OK, await health.Content.ReadAsStringAsync());

            // The image's HEALTHCHECK command, run as the image runs it (read-only root, same environment).
            var check = await RunAsync(root, [data, intake, tmp], ["dotnet", Path.Combine(app, "contactcenter.dll"), "health", "--config", config], environment);
            check.ExitCode.Should().Be(0, check.StandardOutput + check.StandardError);
            check.StandardOutput.Should().Contain("\"status\"");
        }
        finally
        {
            await StopAsync(service);
        }

        Text(log).Should().NotContain("Read-only file system").And.NotContain("UnauthorizedAccess");
        var quarantine = Path.Combine(intake, "mail", "quarantine");
        (Directory.Exists(quarantine) ? Directory.EnumerateFiles(quarantine) : []).Should().BeEmpty(Text(log));
        var list = await RunAsync(root, [data, intake, tmp], ["dotnet", Path.Combine(app, "contactcenter.dll"), "tickets", "list", "--json", "--config", config],
            environment);
        list.ExitCode.Should().Be(0, list.StandardError);
        var tickets = IngestSummaryJson.Tickets(list.StandardOutput);
        tickets.Should().HaveCountGreaterThanOrEqualTo(4);
        tickets.Select(t => t.GetProperty("channelName").GetString()).Should().Contain(["email", "lettere"]);
    }

    /// <summary>install/container/contactcenter.env, HOME where the image puts it (nowhere), the volumes' paths mapped.</summary>
    private static Dictionary<string, string> ContainerEnvironment(string data, string intake, string tmp, int port)
    {
        var environment = File.ReadAllLines(Path.Combine(RepositoryPaths.Root, "install", "container", "contactcenter.env"))
            .Where(l => l.Length > 0 && !l.StartsWith('#'))
            .Select(l => l.Split('=', 2))
            .ToDictionary(p => p[0], p => p[1]);
        environment.Should().ContainKeys("OMP_THREAD_LIMIT", "DOTNET_gcServer", "DOTNET_EnableDiagnostics", "CREDENTIALS_DIRECTORY");
        environment["HOME"] = "/nonexistent";
        environment["TMPDIR"] = tmp;
        environment["ContactCenter__Store__DataDirectory"] = data;
        environment["ContactCenter__Control__Url"] = $"http://127.0.0.1:{port}";
        foreach (var (channel, folder) in new[] { ("email", "mail"), ("lettere", "scans") })
        {
            var key = channel == "email" ? "Path" : "Paths__0";
            environment[$"ContactCenter__Channels__{channel}__{key}"] = Path.Combine(intake, folder, "inbox");
            environment[$"ContactCenter__Channels__{channel}__DonePath"] = Path.Combine(intake, folder, "done");
            environment[$"ContactCenter__Channels__{channel}__QuarantinePath"] = Path.Combine(intake, folder, "quarantine");
            environment[$"ContactCenter__Channels__{channel}__StableFor"] = "00:00:00";
        }

        return environment;
    }

    /// <summary>
    /// The command in a user and mount namespace: the writable folders bound onto themselves first, then every other
    /// mount remounted read-only (what <c>read_only: true</c> and the volumes do to the container).
    /// </summary>
    private static string[] Sandboxed(IEnumerable<string> writable, IEnumerable<string> command)
    {
        var script = new StringBuilder("set -e; ");
        foreach (var folder in writable)
        {
            script.Append($"mount --bind '{folder}' '{folder}'; ");
        }

        script.Append("findmnt -rn -o TARGET | while read -r m; do case \"$m\" in /proc*|/sys*|/dev*) ;; ");
        foreach (var folder in writable)
        {
            script.Append($"'{folder}') ;; ");
        }

        script.Append("*) mount -o remount,bind,ro \"$m\" 2>/dev/null || true ;; esac; done; ");
        script.Append("! touch \"$0/.rw-probe\" 2>/dev/null || { echo 'root still writable' >&2; exit 97; }; ");
        script.Append("exec " + string.Join(' ', command.Select(a => "'" + a + "'")));
        return ["--user", "--map-root-user", "--mount", "sh", "-c", script.ToString()];
    }

    private static Process Start(TempDirectory root, string[] writable, string[] command, Dictionary<string, string> environment, out List<string> log)
    {
        var start = new ProcessStartInfo("unshare") { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false, WorkingDirectory = writable[0] };
        foreach (var argument in Sandboxed(writable, command))
        {
            start.ArgumentList.Add(argument);
        }

        start.ArgumentList.Add(root.Path);
        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        var lines = new List<string>();
        log = lines;
        var process = new Process { StartInfo = start };
        process.OutputDataReceived += (_, e) => { lock (lines) { lines.Add(e.Data ?? ""); } };
        process.ErrorDataReceived += (_, e) => { lock (lines) { lines.Add(e.Data ?? ""); } };
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    private static Task<ProcessRunner.Result> RunAsync(TempDirectory root, string[] writable, string[] command, Dictionary<string, string> environment) =>
        ProcessRunner.RunAsync("unshare", [.. Sandboxed(writable, command), root.Path], TimeSpan.FromMinutes(2), writable[0], environment);

    /// <summary>SIGTERM as <c>docker stop</c> sends it (the shell exec'd into dotnet, so the pid is the service's).</summary>
    private static async Task StopAsync(Process service)
    {
        if (!service.HasExited)
        {
            (await ProcessRunner.RunAsync("kill", ["-TERM", service.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)], TimeSpan.FromSeconds(10))).ExitCode.Should().Be(0);
            using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(1));
            try
            {
                await service.WaitForExitAsync(timeout.Token);
            }
            catch (OperationCanceledException)
            {
                service.Kill(entireProcessTree: true);
                throw;
            }
        }
    }

    private static bool Done(string intake, string folder, int count) =>
        Directory.Exists(Path.Combine(intake, folder, "done"))
        && !Directory.EnumerateFiles(Path.Combine(intake, folder, "inbox")).Any()
        && Directory.EnumerateFiles(Path.Combine(intake, folder, "done"), "*", SearchOption.AllDirectories).Count() >= count;

    private static string Text(List<string> log)
    {
        lock (log)
        {
            return string.Join('\n', log);
        }
    }

    private static void Copy(string from, string to)
    {
        Directory.CreateDirectory(to);
        foreach (var file in Directory.EnumerateFiles(from))
        {
            File.Copy(file, Path.Combine(to, Path.GetFileName(file)));
        }
    }
}
