using ContactCenter.Testing;
using ContactCenter.Workers.Tests.TestSupport;

namespace ContactCenter.Workers.Tests.Hosting;

public sealed class ConfigurationLayeringTests : IDisposable
{
    private readonly TempDirectory folder = new("cc-layers");

    public void Dispose() => folder.Dispose();

    [Fact]
    public async Task Layers_ConfigFilesInOrder_ThenEnvironment_ThenCommandLine()
    {
        var first = JsonConfigFile.Write(folder.Path, new { Store = new { DataDirectory = folder.Combine("data"), TicketPrefix = "AA" }, Pipeline = new { MaxParallelNormalizers = 3 } });
        var second = JsonConfigFile.Write(folder.Path, new { Store = new { TicketPrefix = "BB" }, Pipeline = new { ModeCheckInterval = "00:00:09" } });
        var environment = new Dictionary<string, string>
        {
            ["ContactCenter__Pipeline__ModeCheckInterval"] = "00:00:07",
            ["ContactCenter__Pipeline__MaxFailureBackoff"] = "00:20:00",
        };

        var run = await ProcessRunner.RunAsync(
            "dotnet",
            [ContactCenterProcess.Dll, "config", "check", "--json", "--config", first, "--config", second, "--ContactCenter:Pipeline:MaxFailureBackoff=00:30:00"],
            TimeSpan.FromMinutes(1), folder.Path, environment);
        var (exit, output) = (run.ExitCode, run.StandardOutput + run.StandardError);

        exit.Should().Be(0, output);
        output.Should().Contain("\"ContactCenter:Store:TicketPrefix\": \"BB\"", "the later --config file wins")
            .And.Contain("\"ContactCenter:Pipeline:MaxParallelNormalizers\": \"3\"", "keys of earlier files stay")
            .And.Contain("\"ContactCenter:Pipeline:ModeCheckInterval\": \"00:00:07\"", "environment variables override the files")
            .And.Contain("\"ContactCenter:Pipeline:MaxFailureBackoff\": \"00:30:00\"", "the command line overrides everything");
    }
}
