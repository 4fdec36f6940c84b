using System.Text.Json;
using ContactCenter.Core.Channels;
using ContactCenter.Core.Intake;
using ContactCenter.Testing;
using ContactCenter.Workers.Tests.TestSupport;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace ContactCenter.Workers.Tests.Cli;

public sealed class TicketVerbTests : IDisposable
{
    private readonly TempDirectory folder = new("cc-verbs");
    private readonly MemoryChannelFactory memory = new();
    private readonly string config;
    private readonly string rules = Path.Combine(RepositoryPaths.Root, "samples", "routing.rules.json");

    public TicketVerbTests()
    {
        config = JsonConfigFile.Write(folder.Path, new
        {
            Store = new { DataDirectory = folder.Combine("data") },
            Receipts = new { Enabled = false },
            Channels = new { inbox = new { Type = "Memory" } },
        });
        var source = new MemorySource("inbox");
        source.Add("mem:inbox/1", "Subject: Come diventare volontario\n\nVorrei diventare volontario di protezione civile.");
        source.Add("mem:inbox/2", "Subject: Crepe in casa\n\nDopo la scossa di terremoto ho delle crepe nel muro.");
        memory.Sources["inbox"] = source;
    }

    public void Dispose() => folder.Dispose();

    [Fact]
    public async Task BackofficeVerbs_ChangeTicketsAndRecordHistory()
    {
        (await Run("ingest", "--once")).ExitCode.Should().Be(0);
        var tickets = Rows(await Run("tickets", "list", "--json"));
        tickets.Should().HaveCount(2);
        var number = tickets.Single(t => t.GetProperty("subject").GetString() == "Come diventare volontario").GetProperty("number").GetString()!;
        var before = await Show(number);
        before.GetProperty("classification").GetProperty("category").GetString().Should().Be("volontariato");

        var reclassify = await Run("tickets", "reclassify", number, "--level", "2", "--category", "rischio sismico", "--reason", "chiede un sopralluogo");
        reclassify.ExitCode.Should().Be(0, reclassify.Error);
        var corrected = await Show(number);
        corrected.GetProperty("classification").GetProperty("isCorrection").GetBoolean().Should().BeTrue();
        corrected.GetProperty("classification").GetProperty("level").GetString().Should().Be("Second");
        corrected.GetProperty("classification").GetProperty("category").GetString().Should().Be("rischio sismico");
        corrected.GetProperty("dueAt").GetDateTimeOffset().Should().BeAfter(before.GetProperty("dueAt").GetDateTimeOffset());
        Kinds(corrected).Should().Contain(["Reclassified", "DueDateChanged"]);

        Rows(await Run("tickets", "list", "--overdue", "--json")).Should().HaveCount(2, "the sample requests arrived in March");
        (await Run("tickets", "suspend", number, "--waiting-for", "Regione Abruzzo")).ExitCode.Should().Be(0);
        (await Show(number)).GetProperty("isSuspended").GetBoolean().Should().BeTrue();
        Rows(await Run("tickets", "list", "--overdue", "--json")).Should().ContainSingle("a suspended ticket is not overdue");
        (await Run("status")).Output.Should().Contain("1 overdue (tickets list --overdue)", "status counts what the list shows");
        (await Run("tickets", "resume", number)).ExitCode.Should().Be(0);
        Kinds(await Show(number)).Should().Contain(["Suspended", "Resumed"]);

        (await Run("tickets", "close", number, "--reason", "risposto per telefono")).ExitCode.Should().Be(0);
        Rows(await Run("tickets", "list", "--status", "closed", "--json")).Should().ContainSingle();
        var again = await Run("tickets", "close", number);
        again.ExitCode.Should().Be(1);
        again.Error.Should().Contain("already closed");
        (await Run("tickets", "reopen", number)).ExitCode.Should().Be(0);
        Rows(await Run("tickets", "list", "--status", "open", "--json")).Should().HaveCount(2);
        Rows(await Run("tickets", "list", "--due-before", "2026-03-01", "--json")).Should().BeEmpty();

        var evaluate = await Run("classify", "evaluate", "--json");
        evaluate.ExitCode.Should().Be(0, evaluate.Error);
        var report = JsonDocument.Parse(evaluate.Output).RootElement;
        report.GetProperty("total").GetInt32().Should().Be(1);
        report.GetProperty("levelCorrect").GetInt32().Should().Be(0, "the rules still say first level where the operator said second");
    }

    [Fact]
    public async Task Mode_Switch_IsShownInTicketsList()
    {
        await KnownStore.CreateEmptyAsync(folder.Combine("data"));
        (await Run("mode", "emergency")).ExitCode.Should().Be(0);

        var table = await Run("tickets", "list");
        table.Output.Should().Contain("EMERGENCY");
        JsonDocument.Parse((await Run("tickets", "list", "--json")).Output).RootElement.GetProperty("mode").GetString().Should().Be("Emergency");

        (await Run("mode", "ordinary")).ExitCode.Should().Be(0);
        (await Run("mode")).Output.Should().Contain("Ordinary");
        (await Run("mode", "panic")).ExitCode.Should().Be(2);
    }

    [Fact]
    public async Task ClassifyExplain_ShowsTheRuleAndWhy()
    {
        var result = await Run("classify", "explain", "--text", "Dopo la scossa di terremoto ho delle crepe in casa", "--json");

        result.ExitCode.Should().Be(0, result.Error);
        var explanation = JsonDocument.Parse(result.Output).RootElement;
        explanation.GetProperty("result").GetProperty("category").GetString().Should().Be("rischio sismico");
        explanation.GetProperty("rules").EnumerateArray().Should().Contain(r => r.GetProperty("matched").GetBoolean());
    }

    private Task<CliRun.Result> Run(params string[] args) => CliRun.RunAsync(AddMemory, [.. args, "--config", rules, "--config", config]);

    private async Task<JsonElement> Show(string number)
    {
        var result = await Run("tickets", "show", number, "--json");
        result.ExitCode.Should().Be(0, result.Error);
        return JsonDocument.Parse(result.Output).RootElement;
    }

    private static List<JsonElement> Rows(CliRun.Result result)
    {
        result.ExitCode.Should().Be(0, result.Error);
        return JsonDocument.Parse(result.Output).RootElement.GetProperty("tickets").EnumerateArray().ToList();
    }

    private static IEnumerable<string?> Kinds(JsonElement ticket) =>
        ticket.GetProperty("history").EnumerateArray().Select(e => e.GetProperty("kind").GetString());

    private void AddMemory(HostApplicationBuilder builder)
    {
        builder.Services.AddSingleton<IChannelFactory>(memory);
        builder.Services.AddSingleton<IItemNormalizer, TextNormalizer>();
    }
}
