using ContactCenter.Core.Storage;
using ContactCenter.Testing;
using ContactCenter.Workers.Tests.TestSupport;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace ContactCenter.Workers.Tests.Cli;

public sealed class StoreInUseTests : IDisposable
{
    private readonly TempDirectory folder = new("cc-inuse");

    public void Dispose() => folder.Dispose();

    [Fact]
    public async Task Verbs_WhileAnotherOwnerHoldsTheStore_SaySoAndExit1()
    {
        var data = folder.Combine("data");
        var config = JsonConfigFile.Write(folder.Path, new { Store = new { DataDirectory = data } });
        var services = new ServiceCollection().AddLogging()
            .AddTicketStore(new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["ContactCenter:Store:DataDirectory"] = data }).Build())
            .BuildServiceProvider();
        await using (services)
        {
            // Like the running service: the store is open and holds its lock.
            await services.GetRequiredService<ITicketStore>().GetModeAsync(CancellationToken.None);

            var list = await CliRun.RunAsync(null, "tickets", "list", "--config", config);
            var run = await CliRun.RunAsync(null, "run", "--config", config);

            list.ExitCode.Should().Be(1);
            list.Error.Should().Contain("in use by another process");
            run.ExitCode.Should().Be(1);
            run.Error.Should().Contain("in use by another process").And.NotContain("   at ");
        }
    }
}
