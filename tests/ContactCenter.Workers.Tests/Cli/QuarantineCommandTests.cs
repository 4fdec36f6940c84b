using System.Text.Json;
using ContactCenter.Core.Storage;
using ContactCenter.Testing;
using ContactCenter.Testing.Dovecot;
using ContactCenter.Workers.Tests.TestSupport;

namespace ContactCenter.Workers.Tests.Cli;

public sealed class QuarantineCommandTests : IDisposable
{
    private readonly TempDirectory folder = new("cc-quarantine");

    public void Dispose() => folder.Dispose();

    [Fact]
    public async Task ListShowRetryDiscard_OnAStoreWithQuarantinedItems_KeepRecords()
    {
        var data = folder.Combine("data");
        var mail = await KnownStore.QuarantineAsync(data, "drop", KnownStore.SampleMail("01-volontariato.eml"), "01.eml", "rules not loaded");
        var junk = await KnownStore.QuarantineAsync(data, "drop", "\0\0\0 not a message"u8.ToArray(), "junk.eml", "unreadable");
        var config = Config();

        var list = await Cli("quarantine", "list", "--json", "--config", config);
        JsonDocument.Parse(list.Output).RootElement.EnumerateArray().Select(r => r.GetProperty("id").GetInt32()).Should().Equal(mail, junk);

        var show = await Cli("quarantine", "show", mail.ToString(), "--config", config);
        show.Output.Should().Contain("rules not loaded").And.Contain("01.eml");

        var retry = await Cli("quarantine", "retry", mail.ToString(), "--config", config);
        retry.Output.Should().Contain($"Quarantined item {mail} retried: ticket PC-");
        var retried = await KnownStore.ReadAsync(data, s => s.GetQuarantineAsync(mail, CancellationToken.None));
        retried!.Status.Should().Be(QuarantineStatus.Retried);
        retried.ResolutionNote.Should().StartWith("retried by cli:");
        var ticket = await KnownStore.ReadAsync(data, s => s.GetAsync(retried.ResultTicketNumber!, CancellationToken.None));
        ticket!.SourceKey.Should().Be(retried.SourceKey, "the retry keeps the item's source key: one item, one ticket");
        ticket.Subject.Should().Contain("volontari");

        var again = await CliRun.RunAsync(null, "quarantine", "retry", mail.ToString(), "--config", config);
        again.ExitCode.Should().Be(1);
        again.Error.Should().Contain("already retried");

        var noReason = await CliRun.RunAsync(null, "quarantine", "discard", junk.ToString(), "--config", config);
        noReason.ExitCode.Should().Be(2, "without a terminal the reason cannot be asked for");
        noReason.Error.Should().Contain("--reason");

        await Cli("quarantine", "discard", junk.ToString(), "--reason", "binary junk from a scanner test", "--config", config);
        var discarded = await KnownStore.ReadAsync(data, s => s.GetQuarantineAsync(junk, CancellationToken.None));
        discarded!.Status.Should().Be(QuarantineStatus.Discarded);
        discarded.ResolutionNote.Should().Contain("binary junk from a scanner test");
        discarded.ResolvedAt.Should().NotBeNull();

        var pending = await Cli("quarantine", "list", "--json", "--config", config);
        JsonDocument.Parse(pending.Output).RootElement.GetArrayLength().Should().Be(0);
        var everything = await Cli("quarantine", "list", "--all", "--json", "--config", config);
        JsonDocument.Parse(everything.Output).RootElement.GetArrayLength().Should().Be(2, "records are kept");
        (await KnownStore.ReadAsync(data, s => s.QueryAsync(new TicketQuery(), CancellationToken.None))).Should().HaveCount(1);
    }

    [Fact]
    public async Task Show_UnknownId_ExitsWith1()
    {
        await KnownStore.CreateEmptyAsync(folder.Combine("data"));
        var result = await CliRun.RunAsync(null, "quarantine", "show", "99", "--config", Config());

        result.ExitCode.Should().Be(1);
        result.Error.Should().Contain("No quarantined item 99");
    }

    private string Config() => JsonConfigFile.Write(folder.Path, new
    {
        Store = new { DataDirectory = folder.Combine("data") },
        Mail = new { OwnAddresses = new[] { "urp@protezionecivile.example.it" } },
        Receipts = new { Enabled = false },
        Control = new { Url = $"http://127.0.0.1:{FreePort.Next()}", ClientConnectTimeout = "00:00:01" },
    });

    private static async Task<CliRun.Result> Cli(params string[] args)
    {
        var rules = Path.Combine(RepositoryPaths.Root, "samples", "routing.rules.json");
        var result = await CliRun.RunAsync(null, [.. args, "--config", rules]);
        result.ExitCode.Should().Be(0, result.Error);
        return result;
    }
}
