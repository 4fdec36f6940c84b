using System.Text.Json;
using ContactCenter.Core.Storage;
using ContactCenter.Testing;
using ContactCenter.Testing.Dovecot;
using ContactCenter.Workers.Tests.Control;
using ContactCenter.Workers.Tests.TestSupport;
using Microsoft.Extensions.DependencyInjection;

namespace ContactCenter.Workers.Tests.Cli;

/// <summary>
/// While the service runs it holds the store's lock file, so these verbs can only succeed through its control
/// endpoint: opening the file from here would fail with "in use".
/// </summary>
public sealed class CliThroughServiceTests : IDisposable
{
    private readonly TempDirectory folder = new("cc-cli-service");

    public void Dispose() => folder.Dispose();

    [Fact]
    public async Task VerbsWhileServiceRuns_GoThroughTheControlEndpoint()
    {
        await using var service = await ServiceTestHost.StartAsync(folder.Path, MailDrop.Channel(folder, "drop", MailDrop.Samples(folder)));
        await service.WaitForStatusAsync(s => s.GetProperty("tickets").GetInt32() >= 4, TimeSpan.FromSeconds(60));

        var list = await Cli("tickets", "list", "--json", "--config", service.Config);
        var tickets = JsonDocument.Parse(list.Output).RootElement.GetProperty("tickets").EnumerateArray().ToList();
        tickets.Should().HaveCount(4);
        var number = tickets[0].GetProperty("number").GetString()!;

        await Cli("tickets", "close", number, "--reason", "risposto per telefono", "--config", service.Config);
        var shown = await Cli("tickets", "show", number, "--json", "--config", service.Config);
        JsonDocument.Parse(shown.Output).RootElement.GetProperty("status").GetString().Should().Be("Closed");

        var mode = await Cli("mode", "emergency", "--config", service.Config);
        mode.Output.Should().Contain("Emergency");
        (await service.Services.GetRequiredService<ITicketStore>().GetModeAsync(CancellationToken.None)).Should().Be(ServiceMode.Emergency,
            "the service's own store saw the change");

        var status = await Cli("status", "--json", "--config", service.Config);
        var report = JsonDocument.Parse(status.Output).RootElement;
        report.GetProperty("serviceRunning").GetBoolean().Should().BeTrue();
        report.GetProperty("mode").GetString().Should().Be("Emergency");
        report.GetProperty("openTickets").GetInt32().Should().Be(3);

        var stats = await Cli("stats", "--json", "--config", service.Config);
        JsonDocument.Parse(stats.Output).RootElement.GetProperty("total").GetProperty("closed").GetInt32().Should().Be(1);
        (await Cli("quarantine", "list", "--json", "--config", service.Config)).Output.Trim().Should().Be("[]");

    }

    [Fact]
    public async Task VerbWhileServiceRuns_WithTheEndpointUnreachable_SaysSoClearly()
    {
        await using var service = await ServiceTestHost.StartAsync(folder.Path, new { });
        await service.WaitForStatusAsync(_ => true, TimeSpan.FromSeconds(5));
        var elsewhere = JsonConfigFile.Write(folder.Path, new { Control = new { Url = $"http://127.0.0.1:{FreePort.Next()}", ClientConnectTimeout = "00:00:01" } });
        var disabled = JsonConfigFile.Write(folder.Path, new { Control = new { Enabled = false } });

        var unanswered = await CliRun.RunAsync(null, "tickets", "list", "--config", service.Config, "--config", elsewhere);
        var off = await CliRun.RunAsync(null, "status", "--config", service.Config, "--config", disabled);

        unanswered.ExitCode.Should().Be(1);
        unanswered.Error.Should().Contain("is in use by another process").And.Contain("no service answered for it at http://127.0.0.1:")
            .And.Contain("ContactCenter:Control:Url");
        off.ExitCode.Should().Be(1);
        off.Error.Should().Contain("the control endpoint is disabled (ContactCenter:Control:Enabled)");
    }

    [Fact]
    public async Task ServiceOfAnotherStoreOnTheUrl_IsNotUsed_TheStoreIsOpenedDirectly()
    {
        await using var service = await ServiceTestHost.StartAsync(folder.Path, new { });
        await service.WaitForStatusAsync(_ => true, TimeSpan.FromSeconds(5));
        using var other = new TempDirectory("cc-other-store");
        await KnownStore.BuildAsync(other.Combine("data"));
        var config = StoreConfig.Write(other.Path, service.Port);

        var status = await Cli("status", "--json", "--config", config);

        var report = JsonDocument.Parse(status.Output).RootElement;
        report.GetProperty("serviceRunning").GetBoolean().Should().BeFalse("the service on that URL owns another store");
        report.GetProperty("tickets").GetInt32().Should().Be(4);
        report.GetProperty("storePath").GetString().Should().StartWith(other.Path);
    }

    private static async Task<CliRun.Result> Cli(params string[] args)
    {
        var result = await CliRun.RunAsync(null, args);
        result.ExitCode.Should().Be(0, result.Error);
        return result;
    }
}
