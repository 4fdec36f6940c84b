using System.Globalization;
using System.Text.RegularExpressions;
using ContactCenter.Testing;

namespace ContactCenter.Workers.Tests.Install;

/// <summary>The unit as install.sh renders it, scored by systemd-analyze offline (no systemd as PID 1 needed).</summary>
public sealed partial class SystemdUnitHardeningTests
{
    [Fact]
    public async Task RenderedUnit_ScoresOkInSystemdAnalyzeSecurity()
    {
        using var root = new TempDirectory("cc-unit");
        var unit = await RenderUnitAsync(root);

        var security = await ProcessRunner.RunAsync(
            "systemd-analyze", ["security", "--offline=true", "--threshold=30", unit], TimeSpan.FromMinutes(1));

        security.ExitCode.Should().Be(0, "the exposure must not exceed 3.0:\n" + security.StandardOutput + security.StandardError);
        var match = OverallExposure().Match(security.StandardOutput);
        match.Success.Should().BeTrue(security.StandardOutput);
        double.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture).Should().BeLessThanOrEqualTo(3.0);
        match.Groups[2].Value.Should().Be("OK");
    }

    [Fact]
    public async Task RenderedUnit_KeepsWhatDotNetOcrAndNetworkNeed()
    {
        using var root = new TempDirectory("cc-unit");
        var text = await File.ReadAllTextAsync(await RenderUnitAsync(root));

        text.Should().Contain("Type=notify", "the host reports READY=1 over the notify socket")
            .And.NotContain("MemoryDenyWriteExecute=yes", "the .NET JIT needs writable then executable pages")
            .And.NotContain("MemoryDenyWriteExecute=true")
            .And.NotContain("PrivateNetwork=", "mail, PostgreSQL and the loopback listeners need the host network")
            .And.NotContain("IPAddressDeny=", "mail servers live at addresses the unit cannot know")
            .And.Contain("RestrictAddressFamilies=AF_UNIX AF_INET AF_INET6")
            .And.Contain("SystemCallFilter=@system-service")
            .And.Contain("SystemCallErrorNumber=EPERM");
    }

    internal static async Task<string> RenderUnitAsync(TempDirectory root)
    {
        var install = await ProcessRunner.RunAsync(
            "bash",
            [Path.Combine(RepositoryPaths.Root, "install", "install.sh"), "--root", root.Path, "--from", RepositoryPaths.WorkerOutput, "--no-packages", "--no-start"],
            TimeSpan.FromMinutes(2));
        install.ExitCode.Should().Be(0, install.StandardError);
        return root.Combine("etc", "systemd", "system", "contactcenter.service");
    }

    [GeneratedRegex(@"Overall exposure level for contactcenter\.service: (\d+\.\d) (\w+)")]
    private static partial Regex OverallExposure();
}
