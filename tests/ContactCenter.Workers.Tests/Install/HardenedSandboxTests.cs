using ContactCenter.Testing;

namespace ContactCenter.Workers.Tests.Install;

/// <summary>
/// The demo ingest (mail, OCR of a scan and of a fax), then a backup and a verification of the archive, under what the unit imposes and that can be reproduced without
/// systemd as PID 1: no capabilities, no_new_privs, /proc with only this process (ProtectProc=invisible,
/// ProcSubset=pid); every system call it makes, children included, is checked against the unit's SystemCallFilter.
/// </summary>
public sealed class HardenedSandboxTests
{
    [Fact]
    public async Task DemoIngestBackupAndVerify_UnderTheUnitsSandbox_UseOnlyAllowedSystemCalls()
    {
        using var root = new TempDirectory("cc-unit");
        var allowed = await AllowedSystemCallsAsync(await SystemdUnitHardeningTests.RenderUnitAsync(root));
        using var work = new TempDirectory("cc-sandbox");
        CopyInto(Path.Combine(RepositoryPaths.Root, "samples", "mail"), work.Combine(".data", "demo", "inbox"));
        CopyInto(Path.Combine(RepositoryPaths.Root, "samples", "scans"), work.Combine(".data", "demo", "scans"));
        CopyInto(Path.Combine(RepositoryPaths.Root, "samples", "fax"), work.Combine(".data", "demo", "recvq"));
        Directory.CreateDirectory(work.Combine("samples"));
        File.Copy(Path.Combine(RepositoryPaths.Root, "samples", "routing.model.zip"), work.Combine("samples", "routing.model.zip"));
        var trace = work.Combine("strace.txt");
        var ingest = string.Join(' ', new[]
        {
            "dotnet", Path.Combine(RepositoryPaths.WorkerOutput, "contactcenter.dll"), "ingest", "--once",
            "--config", Path.Combine(RepositoryPaths.Root, "samples", "routing.rules.json"),
            "--config", Path.Combine(RepositoryPaths.Root, "samples", "appsettings.demo.json"),
        }.Select(a => "'" + a + "'"));
        // Then the nightly backup (contactcenter-backup.service has the same sandbox and system-call filter).
        var backup = string.Join(' ', new[]
        {
            "dotnet", Path.Combine(RepositoryPaths.WorkerOutput, "contactcenter.dll"), "store", "backup", "--to", work.Combine("backup"),
            "--config", Path.Combine(RepositoryPaths.Root, "samples", "appsettings.demo.json"),
        }.Select(a => "'" + a + "'"));
        // And the weekly check of the live archive (contactcenter-verify.service, the same sandbox again).
        var verify = string.Join(' ', new[]
        {
            "dotnet", Path.Combine(RepositoryPaths.WorkerOutput, "contactcenter.dll"), "store", "verify",
            "--config", Path.Combine(RepositoryPaths.Root, "samples", "appsettings.demo.json"),
        }.Select(a => "'" + a + "'"));

        // A user namespace lets the test mount its own /proc without being root; all capabilities are then dropped.
        var run = await ProcessRunner.RunAsync(
            "unshare",
            ["--user", "--map-root-user", "--mount", "--pid", "--fork", "--mount-proc", "sh", "-c",
             "mount -t proc -o subset=pid,hidepid=invisible proc /proc && test ! -e /proc/meminfo && " +
             $"exec setpriv --inh-caps=-all --bounding-set=-all --no-new-privs strace -f -qq -c -o '{trace}' sh -c \"{ingest} && {backup} && {verify}\""],
            TimeSpan.FromMinutes(5), work.Path, new Dictionary<string, string> { ["OMP_THREAD_LIMIT"] = "1" });

        run.ExitCode.Should().Be(0, run.StandardOutput + run.StandardError);
        foreach (var channel in new[] { "demo-mail", "demo-posta", "demo-fax" })
        {
            var row = run.StandardOutput.Split('\n').Select(l => l.Split('│').Select(c => c.Trim()).ToArray())
                .Single(c => c.Length == 11 && c[0] == channel);
            row[2].Should().NotBe("0", $"{channel} must open tickets:\n{run.StandardOutput}");
            row[6].Should().Be("0", $"nothing from {channel} may be quarantined:\n{run.StandardOutput}");
            row[10].Should().Be("ok");
        }

        run.StandardOutput.Should().Contain("Checked: the").And.Contain("are all in the backup").And.Contain("re-hashed sound");
        File.Exists(work.Combine("backup", "tickets.db")).Should().BeTrue();
        var used = File.ReadAllLines(trace).Select(l => l.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            .Where(f => f.Length >= 5 && char.IsDigit(f[0][0]) && f[^1] != "total").Select(f => f[^1]).ToHashSet();
        used.Should().Contain(["openat", "sched_setaffinity"], "the trace must have counted the run");
        used.Except(allowed).Should().BeEmpty("these calls would fail with EPERM under the unit's SystemCallFilter");
    }

    /// <summary>Applies the unit's SystemCallFilter lines in order, groups expanded by systemd-analyze itself.</summary>
    private static async Task<HashSet<string>> AllowedSystemCallsAsync(string unit)
    {
        var listing = await ProcessRunner.RunAsync("systemd-analyze", ["syscall-filter"], TimeSpan.FromMinutes(1));
        listing.ExitCode.Should().Be(0, listing.StandardError);
        var groups = new Dictionary<string, List<string>>();
        List<string>? current = null;
        foreach (var line in listing.StandardOutput.Split('\n'))
        {
            var name = line.Trim();
            if (line.StartsWith('@'))
            {
                groups[name] = current = [];
            }
            else if (name.Length > 0 && !name.StartsWith('#'))
            {
                current?.Add(name);
            }
        }

        IEnumerable<string> Expand(string name) => name.StartsWith('@') ? groups[name].SelectMany(Expand) : [name];

        var allowed = new HashSet<string>();
        var filters = File.ReadAllLines(unit).Where(l => l.StartsWith("SystemCallFilter=", StringComparison.Ordinal))
            .Select(l => l["SystemCallFilter=".Length..]).ToList();
        filters.Should().NotBeEmpty().And.Subject.First().Should().NotStartWith("~", "the unit's filter is an allow list");
        foreach (var filter in filters)
        {
            var names = filter.TrimStart('~').Split(' ', StringSplitOptions.RemoveEmptyEntries).SelectMany(Expand);
            if (filter.StartsWith('~'))
            {
                allowed.ExceptWith(names);
            }
            else
            {
                allowed.UnionWith(names);
            }
        }

        return allowed;
    }

    private static void CopyInto(string source, string target)
    {
        Directory.CreateDirectory(target);
        foreach (var file in Directory.GetFiles(source))
        {
            File.Copy(file, Path.Combine(target, Path.GetFileName(file)));
        }
    }
}
