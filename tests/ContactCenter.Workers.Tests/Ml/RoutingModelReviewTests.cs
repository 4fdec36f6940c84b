using System.Globalization;
using System.Text.Json;
using ContactCenter.Core.Channels;
using ContactCenter.Core.Intake;
using ContactCenter.Testing;
using ContactCenter.Workers.Tests.TestSupport;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace ContactCenter.Workers.Tests.Ml;

/// <summary>The model's settings are checked at start, and an unsure model decision is flagged for review.</summary>
public sealed class RoutingModelReviewTests : IDisposable
{
    private readonly TempDirectory folder = new("cc-model-review");
    private readonly MemoryChannelFactory memory = new();

    public void Dispose() => folder.Dispose();

    [Fact]
    public async Task UnsureModelDecision_FlagsTheTicketForReview_AndTicketsShowSaysWhy()
    {
        var source = new MemorySource("inbox");
        source.Add("mem:inbox/1", "Subject: Seguito\n\nBuongiorno, vi scrivo per la questione di cui abbiamo parlato la settimana scorsa con il vostro collega.");
        memory.Sources["inbox"] = source;
        // Every model decision is "unsure" below 0.99: the flag must follow.
        var config = Config(new { Enabled = true, Path = RoutingModelFixture.DemoModel, MinConfidence = 0.99, OverrideConfidence = 0.995 });

        var (number, ticket) = await IngestOneAsync(config);
        var text = await Run(config, "tickets", "show", number);

        ticket.GetProperty("needsReview").GetBoolean().Should().BeTrue();
        ticket.GetProperty("reviewReason").GetString().Should().Contain("Livello incerto").And.Contain("modello v1");
        ticket.GetProperty("classification").GetProperty("ruleName").GetString().Should().Contain("model v1");
        ticket.GetProperty("classification").GetProperty("model").GetProperty("decided").GetBoolean().Should().BeTrue();
        text.Output.Should().Contain("weighed");
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task RuleSaysFirst_ModelSaysSecondNotSurelyEnough_RulesLevelKept_FlaggedUnlessTurnedOff(bool reviewDisagreement)
    {
        const string Subject = "Informazioni";
        const string Text = "Come si fa a diventare volontari? Siamo un gruppo di genitori e dopo lo sciame la palestra della scuola ha crepe nuove che si allargano";
        var source = new MemorySource("inbox");
        source.Add("mem:inbox/1", $"Subject: {Subject}\n\n{Text}");
        memory.Sources["inbox"] = source;
        var plain = (await Explain(Subject, Text, 0.5)).GetProperty("result");
        plain.GetProperty("ruleName").GetString().Should().Be("volontariato", "the precondition: a rule decides the first level");
        var second = Math.Round(1 - plain.GetProperty("model").GetProperty("levelProbability").GetDouble(), 2);
        second.Should().BeInRange(0.06, 0.3, "the precondition: the model gives the second level some weight, far from overruling the rule");

        // From a threshold under that probability the model says second level; at 0.995 it overrules no rule.
        var config = Config(new
        {
            Enabled = true, Path = RoutingModelFixture.DemoModel, SecondLevelFrom = second - 0.03, OverrideConfidence = 0.995,
            ReviewRuleDisagreement = reviewDisagreement,
        });
        var (_, ticket) = await IngestOneAsync(config);

        var classification = ticket.GetProperty("classification");
        classification.GetProperty("level").GetString().Should().Be("First", "the rule decided and the model did not overrule it");
        classification.GetProperty("ruleName").GetString().Should().Be("volontariato");
        classification.GetProperty("model").GetProperty("level").GetString().Should().Be("Second");
        ticket.GetProperty("needsReview").GetBoolean().Should().Be(reviewDisagreement);
        if (reviewDisagreement)
        {
            ticket.GetProperty("reviewReason").GetString().Should().Contain("Livello da verificare").And.Contain("regola volontariato dice livello 1")
                .And.Contain("modello v1 livello 2");
        }
    }

    [Fact]
    public async Task WordlessMessage_IsNotClassifiedByTheModel_AndTheTicketSaysWhy()
    {
        // Only forwarding an attachment: the model, given nothing but its prior, said second level and made up a category.
        var source = new MemorySource("inbox");
        source.Add("mem:inbox/1", "Subject: Fwd:\n\n.");
        memory.Sources["inbox"] = source;
        var config = Config(new { Enabled = true, Path = RoutingModelFixture.DemoModel });

        var (_, ticket) = await IngestOneAsync(config);

        var classification = ticket.GetProperty("classification");
        classification.GetProperty("level").GetString().Should().Be("First");
        classification.GetProperty("ruleName").GetString().Should().Be("default");
        classification.GetProperty("model").ValueKind.Should().Be(JsonValueKind.Null);
        classification.GetProperty("matches").EnumerateArray().Select(m => m.GetString()).Should()
            .Contain("text not classified: nessuna parola nell'oggetto o nel testo");
        ticket.GetProperty("textUnavailable").GetString().Should().Be("nessuna parola nell'oggetto o nel testo");
    }

    [Fact]
    public async Task ExplainWordless_AgreesWithIngest_TheModelIsNotAsked()
    {
        memory.Sources["inbox"] = new MemorySource("inbox");

        var explain = await Explain("Fwd:", ".", 0.5);

        var result = explain.GetProperty("result");
        result.GetProperty("model").ValueKind.Should().Be(JsonValueKind.Null, "ingest does not ask the model either");
        result.GetProperty("ruleName").GetString().Should().Be("default");
        result.GetProperty("matches").EnumerateArray().Select(m => m.GetString()).Should()
            .Contain("text not classified: nessuna parola nell'oggetto o nel testo");
    }

    [Fact]
    public async Task DoubtfulRequest_GoesToTheSecondLevel_FromTheConfiguredThreshold_AndTheTicketSaysWhy()
    {
        const string Subject = "Richiesta";
        const string Text = "Vorrei sapere chi verifica il tetto della biblioteca comunale";
        var source = new MemorySource("inbox");
        source.Add("mem:inbox/1", $"Subject: {Subject}\n\n{Text}");
        memory.Sources["inbox"] = source;
        var plain = await Explain(Subject, Text, 0.5);
        var model = plain.GetProperty("result").GetProperty("model");
        model.GetProperty("level").GetString().Should().Be("First", "the precondition: at one half the model says first");
        var second = Math.Round(1 - model.GetProperty("levelProbability").GetDouble(), 2);
        second.Should().BeInRange(0.05, 0.45, "the precondition: a doubtful request, the second level's probability well under one half");
        plain.GetProperty("result").GetProperty("ruleName").GetString().Should().Be("model v1", "no rule decides it: the model does");

        var above = await Explain(Subject, Text, second + 0.03);
        above.GetProperty("result").GetProperty("level").GetString().Should().Be("First", "the threshold is above its probability");

        var config = Config(new { Enabled = true, Path = RoutingModelFixture.DemoModel, SecondLevelFrom = second - 0.03 });
        var (_, ticket) = await IngestOneAsync(config);

        var classification = ticket.GetProperty("classification");
        classification.GetProperty("level").GetString().Should().Be("Second");
        classification.GetProperty("model").GetProperty("decided").GetBoolean().Should().BeTrue();
        var why = string.Create(CultureInfo.InvariantCulture, $"second level from p={second - 0.03:0.00}");
        classification.GetProperty("matches").EnumerateArray().Select(m => m.GetString()).Should().Contain(m =>
            m!.Contains("level 2 (p=") && m.Contains(why), "the ticket records that the threshold, not the likelier level, made it second");
    }

    [Fact]
    public async Task SecondLevelFromAboveOneHalf_FailsAtStart_NamingTheKey()
    {
        var result = await Run(Config(new { Enabled = true, SecondLevelFrom = 0.6 }), "classify", "explain", "--text", "prova");

        result.ExitCode.Should().Be(2);
        result.Error.Should().Contain("ContactCenter:Routing:Model:SecondLevelFrom");
    }

    [Fact]
    public async Task InvalidModelSettings_FailAtStart_NamingTheKey()
    {
        var config = Config(new { Enabled = true, MinConfidence = 0.8, OverrideConfidence = 0.7, CheckInterval = "00:00:00" });

        var result = await Run(config, "classify", "explain", "--text", "prova");

        result.ExitCode.Should().Be(2);
        result.Error.Should().Contain("ContactCenter:Routing:Model:OverrideConfidence").And.Contain("ContactCenter:Routing:Model:CheckInterval");
    }

    /// <summary>Ingests the memory channel once; the one ticket made, with its number.</summary>
    private async Task<(string Number, JsonElement Ticket)> IngestOneAsync(string config)
    {
        (await Run(config, "ingest", "--once")).ExitCode.Should().Be(0);
        var list = await Run(config, "tickets", "list", "--json");
        var number = JsonDocument.Parse(list.Output).RootElement.GetProperty("tickets")[0].GetProperty("number").GetString()!;
        return (number, JsonDocument.Parse((await Run(config, "tickets", "show", number, "--json")).Output).RootElement);
    }

    private async Task<JsonElement> Explain(string subject, string text, double secondLevelFrom)
    {
        var config = Config(new { Enabled = true, Path = RoutingModelFixture.DemoModel, SecondLevelFrom = secondLevelFrom });
        var result = await Run(config, "classify", "explain", "--subject", subject, "--text", text, "--json");
        result.ExitCode.Should().Be(0, result.Error);
        return JsonDocument.Parse(result.Output).RootElement;
    }

    private string Config(object model) => JsonConfigFile.Write(folder.Path, new
    {
        Store = new { DataDirectory = folder.Combine("data") },
        Receipts = new { Enabled = false },
        Routing = new { Model = model },
        Channels = new { inbox = new { Type = "Memory" } },
    });

    private Task<CliRun.Result> Run(string config, params string[] args) =>
        CliRun.RunAsync(AddMemory, [.. args, "--config", RoutingModelFixture.Rules, "--config", config]);

    private void AddMemory(HostApplicationBuilder builder)
    {
        builder.Services.AddSingleton<IChannelFactory>(memory);
        builder.Services.AddSingleton<IItemNormalizer, TextNormalizer>();
    }
}
