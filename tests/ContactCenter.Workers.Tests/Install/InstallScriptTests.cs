using ContactCenter.Testing;
using ContactCenter.Testing.Dovecot;

namespace ContactCenter.Workers.Tests.Install;

public sealed class InstallScriptTests
{
    private static readonly string Script = Path.Combine(RepositoryPaths.Root, "install", "install.sh");

    [Fact]
    public async Task Install_IntoTemporaryRoot_WritesProgramConfigDataAndAValidUnit()
    {
        using var root = new TempDirectory("cc-install");
        Directory.CreateDirectory(root.Combine("etc", "contactcenter", "credentials"));
        await File.WriteAllTextAsync(root.Combine("etc", "contactcenter", "credentials", "imap-urp"), "s3cret");

        var result = await InstallAsync(root.Path);

        result.ExitCode.Should().Be(0, result.StandardError);
        File.Exists(root.Combine("opt", "contactcenter", "contactcenter")).Should().BeTrue();
        File.Exists(root.Combine("opt", "contactcenter", "contactcenter.dll")).Should().BeTrue();
        File.Exists(root.Combine("etc", "contactcenter", "appsettings.json")).Should().BeTrue();
        Directory.Exists(root.Combine("var", "lib", "contactcenter", "quarantine")).Should().BeTrue();
        var unit = await File.ReadAllTextAsync(root.Combine("etc", "systemd", "system", "contactcenter.service"));
        unit.Should().Contain("Type=notify").And.Contain("Restart=on-failure").And.Contain("ProtectSystem=strict")
            .And.Contain("ReadWritePaths=/var/lib/contactcenter").And.Contain("PrivateTmp=true")
            .And.Contain("NoNewPrivileges=true").And.Contain("ProtectHome=true").And.Contain("Environment=OMP_THREAD_LIMIT=1")
            .And.Contain("LoadCredential=imap-urp:/etc/contactcenter/credentials/imap-urp")
            .And.Contain("ExecStart=/opt/contactcenter/contactcenter run --config /etc/contactcenter/appsettings.json")
            .And.NotContainAny("@PREFIX@", "@CONFDIR@", "@DATADIR@", "@USER@", "@CREDENTIALS@");
        unit.Should().NotContain("s3cret");

        // systemd-analyze resolves the unit's dependencies under --root, so give it the system's own unit files.
        CopyDirectory("/usr/lib/systemd/system", root.Combine("usr", "lib", "systemd", "system"));
        var verify = await ProcessRunner.RunAsync("systemd-analyze", ["verify", $"--root={root.Path}", "contactcenter.service"], TimeSpan.FromMinutes(1));
        verify.ExitCode.Should().Be(0, verify.StandardError);
        verify.StandardError.Should().NotContain("contactcenter.service", "systemd-analyze found problems in the unit");
    }

    [Fact]
    public async Task Install_Upgrade_KeepsExistingConfiguration_AndUninstallKeepsData()
    {
        using var root = new TempDirectory("cc-install");
        (await InstallAsync(root.Path)).ExitCode.Should().Be(0);
        var config = root.Combine("etc", "contactcenter", "appsettings.json");
        await File.WriteAllTextAsync(config, "{ \"edited\": true }");
        await File.WriteAllTextAsync(root.Combine("var", "lib", "contactcenter", "tickets.db"), "data");

        (await InstallAsync(root.Path)).ExitCode.Should().Be(0);
        (await File.ReadAllTextAsync(config)).Should().Contain("edited");

        var uninstall = await ProcessRunner.RunAsync("bash", [Path.Combine(RepositoryPaths.Root, "install", "uninstall.sh"), "--root", root.Path], TimeSpan.FromMinutes(1));
        uninstall.ExitCode.Should().Be(0, uninstall.StandardError);
        Directory.Exists(root.Combine("opt", "contactcenter")).Should().BeFalse();
        File.Exists(root.Combine("etc", "systemd", "system", "contactcenter.service")).Should().BeFalse();
        File.Exists(root.Combine("var", "lib", "contactcenter", "tickets.db")).Should().BeTrue();
        File.Exists(config).Should().BeTrue();
    }

    [Fact]
    public async Task Install_WithoutSystemd_InstallsEverythingAndExplainsHowToRunInTheForeground()
    {
        using var root = new TempDirectory("cc-install");

        var result = await ProcessRunner.RunAsync(
            "bash", [Script, "--root", root.Path, "--from", RepositoryPaths.WorkerOutput, "--no-packages"], TimeSpan.FromMinutes(2),
            environment: new Dictionary<string, string> { ["CONTACTCENTER_SYSTEMD_DIR"] = root.Combine("no-systemd") });

        result.ExitCode.Should().Be(0, result.StandardError);
        result.StandardOutput.Should().Contain("systemd is not running")
            .And.Contain("/opt/contactcenter/contactcenter run --config /etc/contactcenter/appsettings.json")
            .And.Contain("CREDENTIALS_DIRECTORY=/etc/contactcenter/credentials")
            .And.Contain("compose.yaml up -d");
        result.StandardError.Should().NotContain("systemctl");
        File.Exists(root.Combine("opt", "contactcenter", "contactcenter.dll")).Should().BeTrue();
        File.Exists(root.Combine("etc", "contactcenter", "appsettings.json")).Should().BeTrue();
        File.Exists(root.Combine("etc", "systemd", "system", "contactcenter.service")).Should().BeTrue();
    }

    [Fact]
    public async Task Install_CommandWrapper_ReadsTheServiceConfiguration_AndCreatesNoStoreInTheCurrentFolder()
    {
        using var root = new TempDirectory("cc-install");
        (await InstallAsync(root.Path)).ExitCode.Should().Be(0);
        var wrapper = root.Combine("usr", "local", "bin", "contactcenter");
        var text = await File.ReadAllTextAsync(wrapper);
        text.Should().Contain("CONTACTCENTER_CONFIG=\"${CONTACTCENTER_CONFIG:-/etc/contactcenter/appsettings.json}\"")
            .And.Contain("exec /opt/contactcenter/contactcenter \"$@\"");
        if (!OperatingSystem.IsWindows())
        {
            File.GetUnixFileMode(wrapper).Should().HaveFlag(UnixFileMode.UserExecute | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute);
        }

        // The wrapper as written, aimed at the staged program, with the variable naming a store elsewhere.
        using var data = new TempDirectory("cc-wrapper");
        await Cli.KnownStore.BuildAsync(data.Combine("data"));
        var config = Cli.StoreConfig.Write(data.Path, FreePort.Next());
        var staged = data.Combine("contactcenter-wrapper");
        await File.WriteAllTextAsync(staged, text.Replace("exec /opt/", $"exec {root.Path}/opt/", StringComparison.Ordinal));
        var work = Directory.CreateDirectory(data.Combine("cwd")).FullName;
        var status = await ProcessRunner.RunAsync("sh", [staged, "status"], TimeSpan.FromMinutes(1), work,
            new Dictionary<string, string> { ["CONTACTCENTER_CONFIG"] = config });

        status.ExitCode.Should().Be(0, status.StandardOutput + status.StandardError);
        status.StandardOutput.Should().Contain(data.Combine("data", "tickets.db")).And.Contain("4 ticket(s)");
        Directory.EnumerateFileSystemEntries(work).Should().BeEmpty("no store made where the admin stood");
        (await File.ReadAllTextAsync(root.Combine("etc", "systemd", "system", "contactcenter.service"))).Should().NotContain("CONTACTCENTER_CONFIG");
    }

    [Fact]
    public async Task Install_WithBackupTo_WritesAVerifiedHardenedBackupServiceAndTimer_UninstallRemovesThem()
    {
        using var root = new TempDirectory("cc-install");

        var result = await ProcessRunner.RunAsync(
            "bash", [Script, "--root", root.Path, "--from", RepositoryPaths.WorkerOutput, "--no-packages", "--no-start", "--backup-to", "/srv/backup/contactcenter/"],
            TimeSpan.FromMinutes(2));

        result.ExitCode.Should().Be(0, result.StandardError);
        Directory.Exists(root.Combine("srv", "backup", "contactcenter")).Should().BeTrue();
        var units = root.Combine("etc", "systemd", "system");
        var service = await File.ReadAllTextAsync(Path.Combine(units, "contactcenter-backup.service"));
        service.Should().Contain("Type=oneshot").And.Contain("User=contactcenter")
            .And.Contain("ExecStart=/opt/contactcenter/contactcenter store backup --to /srv/backup/contactcenter --config /etc/contactcenter/appsettings.json")
            .And.Contain("ReadWritePaths=/var/lib/contactcenter /srv/backup/contactcenter")
            .And.Contain("Environment=ContactCenter__Store__DataDirectory=/var/lib/contactcenter")
            .And.NotContainAny("@PREFIX@", "@CONFDIR@", "@DATADIR@", "@USER@", "@BACKUPDIR@");
        (await File.ReadAllTextAsync(Path.Combine(units, "contactcenter-backup.timer"))).Should().Contain("OnCalendar=").And.Contain("Persistent=true");
        var weekly = await File.ReadAllTextAsync(Path.Combine(units, "contactcenter-verify.service"));
        weekly.Should().Contain("Type=oneshot").And.Contain("User=contactcenter")
            .And.Contain("\"$$0\" store verify --config \"$$1\"").And.Contain("store backup --to \"$$2\" --verify")
            .And.Contain("/opt/contactcenter/contactcenter /etc/contactcenter/appsettings.json /srv/backup/contactcenter")
            .And.Contain("ReadWritePaths=/var/lib/contactcenter /srv/backup/contactcenter")
            .And.NotContainAny("@PREFIX@", "@CONFDIR@", "@DATADIR@", "@USER@", "@BACKUPDIR@", "@SANDBOX@", "@WITH_BACKUP@", "@ARCHIVE_ONLY@");
        weekly.Split('\n').Where(l => l.StartsWith("ExecStart=", StringComparison.Ordinal)).Should().ContainSingle("one command: the backup's, not the archive-only one as well");
        (await File.ReadAllTextAsync(Path.Combine(units, "contactcenter-verify.timer"))).Should().Contain("OnCalendar=Sun").And.Contain("Persistent=true");

        await AnalyzeTimerUnitsAsync(root, "contactcenter-backup.service", "contactcenter-backup.timer", "contactcenter-verify.service", "contactcenter-verify.timer");

        var uninstall = await ProcessRunner.RunAsync("bash", [Path.Combine(RepositoryPaths.Root, "install", "uninstall.sh"), "--root", root.Path], TimeSpan.FromMinutes(1));
        uninstall.ExitCode.Should().Be(0, uninstall.StandardError);
        Directory.GetFiles(units, "contactcenter*").Should().BeEmpty();
        Directory.Exists(root.Combine("srv", "backup", "contactcenter")).Should().BeTrue("backups are never deleted by an uninstall");
    }

    [Fact]
    public async Task Install_VerifyWeekly_WithoutABackup_WritesAnArchiveOnlyCheckInTheServicesSandbox()
    {
        using var root = new TempDirectory("cc-install");

        var result = await ProcessRunner.RunAsync(
            "bash", [Script, "--root", root.Path, "--from", RepositoryPaths.WorkerOutput, "--no-packages", "--no-start", "--verify-weekly"], TimeSpan.FromMinutes(2));

        result.ExitCode.Should().Be(0, result.StandardError);
        var units = root.Combine("etc", "systemd", "system");
        File.Exists(Path.Combine(units, "contactcenter-backup.service")).Should().BeFalse("the database is backed up with its own tools");
        var weekly = await File.ReadAllTextAsync(Path.Combine(units, "contactcenter-verify.service"));
        weekly.Split('\n').Where(l => l.StartsWith("ExecStart=", StringComparison.Ordinal)).Should()
            .Equal("ExecStart=/opt/contactcenter/contactcenter store verify --config /etc/contactcenter/appsettings.json");
        weekly.Should().Contain("Description=ContactCenter.Ingest archive verification\n").And.Contain("User=contactcenter")
            .And.Contain("ReadWritePaths=/var/lib/contactcenter\n")
            .And.NotContainAny("@PREFIX@", "@CONFDIR@", "@DATADIR@", "@USER@", "@BACKUPDIR@", "@SANDBOX@", "@WITH_BACKUP@", "@ARCHIVE_ONLY@");
        (await File.ReadAllTextAsync(Path.Combine(units, "contactcenter-verify.timer"))).Should().Contain("OnCalendar=Sun");

        await AnalyzeTimerUnitsAsync(root, "contactcenter-verify.service", "contactcenter-verify.timer");
    }

    /// <summary>
    /// <c>systemd-analyze verify</c> of the backup and verification units an install wrote, and <c>security</c> of each
    /// service among them: they run in the service's own sandbox.
    /// </summary>
    private static async Task AnalyzeTimerUnitsAsync(TempDirectory root, params string[] units)
    {
        CopyDirectory("/usr/lib/systemd/system", root.Combine("usr", "lib", "systemd", "system"));
        // systemd-analyze looks for each unit's programs under --root: the weekly unit with a backup runs the system's shell.
        Directory.CreateDirectory(root.Combine("bin"));
        File.Copy("/bin/sh", root.Combine("bin", "sh"), overwrite: true);
        var verify = await ProcessRunner.RunAsync("systemd-analyze", ["verify", $"--root={root.Path}", .. units], TimeSpan.FromMinutes(1));
        verify.ExitCode.Should().Be(0, verify.StandardError);
        verify.StandardError.Should().NotContain("contactcenter-", "systemd-analyze found problems in the units");
        foreach (var unit in units.Where(u => u.EndsWith(".service", StringComparison.Ordinal)))
        {
            var security = await ProcessRunner.RunAsync(
                "systemd-analyze", ["security", "--offline=true", "--threshold=30", root.Combine("etc", "systemd", "system", unit)], TimeSpan.FromMinutes(1));
            security.ExitCode.Should().Be(0, $"{unit} runs in the service's sandbox:\n" + security.StandardOutput + security.StandardError);
        }
    }

    /// <summary>
    /// The weekly unit's command line as systemd hands it to the shell (<c>$$</c> is its escape for <c>$</c>), run with
    /// a stand-in program: the backup's copy is checked even when the live archive is not sound, and the unit fails
    /// when either check does.
    /// </summary>
    [Theory]
    [InlineData(0, 0, 0)]
    [InlineData(1, 0, 1)]
    [InlineData(0, 1, 1)]
    [InlineData(1, 1, 1)]
    public async Task VerifyUnit_RunsBothChecks_AndFailsWhenEitherFails(int verifyExit, int backupExit, int unitExit)
    {
        using var root = new TempDirectory("cc-install");
        var installed = await ProcessRunner.RunAsync(
            "bash", [Script, "--root", root.Path, "--from", RepositoryPaths.WorkerOutput, "--no-packages", "--no-start", "--backup-to", "/srv/backup"],
            TimeSpan.FromMinutes(2));
        installed.ExitCode.Should().Be(0, installed.StandardError);
        var unit = await File.ReadAllTextAsync(root.Combine("etc", "systemd", "system", "contactcenter-verify.service"));
        var command = unit.Replace("\\\n", " ", StringComparison.Ordinal).Split('\n').Single(l => l.StartsWith("ExecStart=", StringComparison.Ordinal))["ExecStart=".Length..];
        var calls = root.Combine("calls.txt");
        var program = root.Combine("contactcenter");
        await File.WriteAllTextAsync(program,
            $"#!/bin/sh\nprintf '%s\\n' \"$*\" >> '{calls}'\ncase \"$2\" in verify) exit {verifyExit} ;; backup) exit {backupExit} ;; esac\nexit 9\n");
        (await ProcessRunner.RunAsync("chmod", ["+x", program], TimeSpan.FromSeconds(30))).ExitCode.Should().Be(0);

        var run = await ProcessRunner.RunAsync("sh", ["-c", command.Replace("$$", "$", StringComparison.Ordinal).Replace("/opt/contactcenter/contactcenter", program, StringComparison.Ordinal)],
            TimeSpan.FromMinutes(1));

        run.ExitCode.Should().Be(unitExit, run.StandardError);
        File.ReadAllLines(calls).Should().Equal(
            "store verify --config /etc/contactcenter/appsettings.json",
            "store backup --to /srv/backup --verify --config /etc/contactcenter/appsettings.json");
    }

    [Fact]
    public async Task Install_BackupToARelativePath_IsRefused()
    {
        using var root = new TempDirectory("cc-install");

        var result = await ProcessRunner.RunAsync(
            "bash", [Script, "--root", root.Path, "--from", RepositoryPaths.WorkerOutput, "--no-packages", "--no-start", "--backup-to", "backup"], TimeSpan.FromMinutes(2));

        result.ExitCode.Should().Be(2);
        result.StandardError.Should().Contain("--backup-to needs an absolute path");
    }

    [Fact]
    public async Task ProductionTemplate_PassesConfigCheck()
    {
        var template = Path.Combine(RepositoryPaths.Root, "install", "appsettings.production.json");

        var check = await ProcessRunner.RunAsync(
            "dotnet", [Path.Combine(RepositoryPaths.WorkerOutput, "contactcenter.dll"), "config", "check", "--config", template], TimeSpan.FromMinutes(1));

        check.ExitCode.Should().Be(0, check.StandardOutput + check.StandardError);
        check.StandardOutput.Should().Contain("/var/lib/contactcenter");
    }

    private static Task<ProcessRunner.Result> InstallAsync(string root) =>
        ProcessRunner.RunAsync("bash", [Script, "--root", root, "--from", RepositoryPaths.WorkerOutput, "--no-packages", "--no-start"], TimeSpan.FromMinutes(2));

    private static void CopyDirectory(string source, string target)
    {
        Directory.CreateDirectory(target);
        foreach (var entry in new DirectoryInfo(source).EnumerateFileSystemInfos())
        {
            var destination = Path.Combine(target, entry.Name);
            if (entry.LinkTarget is { } link)
            {
                File.CreateSymbolicLink(destination, link);
            }
            else if (entry is DirectoryInfo directory)
            {
                CopyDirectory(directory.FullName, destination);
            }
            else
            {
                File.Copy(entry.FullName, destination);
            }
        }
    }
}
