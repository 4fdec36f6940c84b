using System.Text.Json;
using ContactCenter.Testing;
using ContactCenter.Workers.Tests.Control;
using ContactCenter.Workers.Tests.EndToEnd;
using ContactCenter.Workers.Tests.TestSupport;

namespace ContactCenter.Workers.Tests.Cli;

/// <summary>An item the real pipeline quarantined, handled with the quarantine verbs while the service runs.</summary>
public sealed class QuarantineThroughServiceTests : IDisposable
{
    private readonly TempDirectory folder = new("cc-quarantine-service");

    public void Dispose() => folder.Dispose();

    [Fact]
    public async Task OversizedMail_QuarantinedByTheService_RetryFailsAgain_ThenDiscardKeepsTheRecord()
    {
        var inbox = folder.Combine("inbox");
        Directory.CreateDirectory(inbox);
        await CitizenMail.Oversized().WriteToAsync(Path.Combine(inbox, "grande.eml"));
        await CitizenMail.Request(1, "q").WriteToAsync(Path.Combine(inbox, "normale.eml"));
        await using var service = await ServiceTestHost.StartAsync(folder.Path, MailDrop.Channel(folder, "drop", inbox), maxMessageBytes: 200_000);
        await service.WaitForStatusAsync(s => s.GetProperty("quarantinePending").GetInt32() == 1 && s.GetProperty("tickets").GetInt32() == 1,
            TimeSpan.FromSeconds(60));

        var list = await CliRun.RunAsync(null, "quarantine", "list", "--json", "--config", service.Config);
        list.ExitCode.Should().Be(0, list.Error);
        var record = JsonDocument.Parse(list.Output).RootElement.EnumerateArray().Single();
        var id = record.GetProperty("id").GetInt32().ToString(System.Globalization.CultureInfo.InvariantCulture);
        record.GetProperty("channelName").GetString().Should().Be("drop");
        record.GetProperty("original").GetProperty("size").GetInt64().Should().BeGreaterThan(200_000, "the original is archived byte for byte");

        var retry = await CliRun.RunAsync(null, "quarantine", "retry", id, "--config", service.Config);
        retry.ExitCode.Should().Be(1, "the message is still over the limit");
        retry.Error.Should().Contain($"Quarantined item {id} failed again");

        var discard = await CliRun.RunAsync(null, "quarantine", "discard", id, "--reason", "allegato troppo grande, chiesto invio via PEC", "--config", service.Config);
        discard.ExitCode.Should().Be(0, discard.Error);

        var show = await CliRun.RunAsync(null, "quarantine", "show", id, "--json", "--config", service.Config);
        var shown = JsonDocument.Parse(show.Output).RootElement;
        shown.GetProperty("status").GetString().Should().Be("Discarded");
        shown.GetProperty("resolutionNote").GetString().Should().Contain("allegato troppo grande").And.Contain("discarded by cli:");
        var status = await service.WaitForStatusAsync(_ => true, TimeSpan.Zero);
        status.GetProperty("quarantinePending").GetInt32().Should().Be(0);
        status.GetProperty("tickets").GetInt32().Should().Be(1, "the retry made no ticket");
    }
}
