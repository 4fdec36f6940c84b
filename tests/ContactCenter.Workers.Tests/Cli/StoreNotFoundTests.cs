using ContactCenter.Testing;
using ContactCenter.Testing.Dovecot;
using ContactCenter.Workers.Tests.TestSupport;

namespace ContactCenter.Workers.Tests.Cli;

/// <summary>A verb pointed at a store that does not exist says so; it never makes an empty one and works on that.</summary>
public sealed class StoreNotFoundTests : IDisposable
{
    private readonly TempDirectory folder = new("cc-nostore");

    public void Dispose() => folder.Dispose();

    [Theory]
    [InlineData("status")]
    [InlineData("tickets", "list")]
    [InlineData("tickets", "open", "--channel", "phone", "--subject", "Allerta meteo", "--text", "Chiede se le scuole sono chiuse")]
    public async Task Verb_NoStoreWhereTheConfigPoints_Exit1NamingThePath_AndCreatesNothing(params string[] verb)
    {
        var config = StoreConfig.Write(folder.Path, FreePort.Next());

        var result = await CliRun.RunAsync(null, [.. verb, "--config", config]);

        result.ExitCode.Should().Be(1, result.Output);
        result.Error.Should().Contain($"No ticket store at '{folder.Combine("data", "tickets.db")}'").And.Contain("--config").And.NotContain("   at ");
        File.Exists(folder.Combine("data", "tickets.db")).Should().BeFalse("a command without the service's configuration must not start a second store");
    }

    [Fact]
    public async Task Verb_ExistingStore_StillWorksWithoutTheService()
    {
        await KnownStore.BuildAsync(folder.Combine("data"));
        var config = StoreConfig.Write(folder.Path, FreePort.Next());

        var status = await CliRun.RunAsync(null, "status", "--config", config);

        status.ExitCode.Should().Be(0, status.Error);
        status.Output.Should().Contain("4 ticket(s)");
    }
}
