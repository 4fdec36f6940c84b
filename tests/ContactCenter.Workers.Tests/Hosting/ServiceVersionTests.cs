using ContactCenter.Testing;
using ContactCenter.Workers.Hosting;
using ContactCenter.Workers.Tests.TestSupport;

namespace ContactCenter.Workers.Tests.Hosting;

public sealed class ServiceVersionTests
{
    [Theory]
    [InlineData("1.0.0+aa9ef1bf36510e53bd4692488b3138a761ae6c31", "1.0.0+aa9ef1bf3651")]
    [InlineData("1.0.0+aa9ef1bf3651", "1.0.0+aa9ef1bf3651")]
    [InlineData("1.2.3-rc.1+abc", "1.2.3-rc.1+abc")]
    [InlineData("1.0.0", "1.0.0")]
    public void Shorten_KeepsTheVersionAndTwelveCharactersOfTheCommit(string stamped, string expected) =>
        ServiceVersion.Shorten(stamped).Should().Be(expected);

    [Fact]
    public async Task VersionOption_PrintsTheBuildsVersionAndCommit()
    {
        var result = await CliRun.RunAsync(null, "--version");

        result.ExitCode.Should().Be(0, result.Error);
        result.Output.Trim().Should().Be(ServiceVersion.Current);
        // Built from a clone or a worktree (.git a folder or a file), the SDK stamps the commit; from a source archive there is none.
        result.Output.Trim().Should().MatchRegex(Path.Exists(Path.Combine(RepositoryPaths.Root, ".git")) ? @"^\d+\.\d+\.\d+\+[0-9a-f]{12}$" : @"^\d+\.\d+\.\d+$");
    }
}
