using System.Reflection.PortableExecutable;
using ContactCenter.Testing;

namespace ContactCenter.Workers.Tests.Install;

[Collection(PublishingCollection.Name)]
public sealed class InstallPublishTests
{
    [Fact]
    public async Task Install_PublishingFromTheRepository_CompilesAheadOfTime_AndTheProgramRuns()
    {
        using var root = new TempDirectory("cc-install-publish");

        var install = await ProcessRunner.RunAsync(
            "bash", [Path.Combine(RepositoryPaths.Root, "install", "install.sh"), "--root", root.Path, "--no-packages", "--no-start"],
            TimeSpan.FromMinutes(8));

        install.ExitCode.Should().Be(0, install.StandardOutput + install.StandardError);
        var program = root.Combine("opt", "contactcenter");
        foreach (var assembly in new[] { "contactcenter.dll", "ContactCenter.Core.dll", "ContactCenter.Channels.dll" })
        {
            IsReadyToRun(Path.Combine(program, assembly)).Should().BeTrue($"{assembly} is published with its code compiled ahead of time");
        }

        var check = await ProcessRunner.RunAsync(
            Path.Combine(program, "contactcenter"), ["config", "check", "--config", Path.Combine(RepositoryPaths.Root, "install", "appsettings.production.json")],
            TimeSpan.FromMinutes(1));
        check.ExitCode.Should().Be(0, check.StandardOutput + check.StandardError);
    }

    // A ReadyToRun image carries a managed native header (the READYTORUN_HEADER); an IL-only assembly has none.
    private static bool IsReadyToRun(string path)
    {
        using var pe = new PEReader(File.OpenRead(path));
        return pe.PEHeaders.CorHeader is { ManagedNativeHeaderDirectory.Size: > 0 };
    }
}
