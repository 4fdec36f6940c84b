using System.Text.Json;
using ContactCenter.Testing;
using ContactCenter.Testing.Dovecot;
using ContactCenter.Testing.Voice;
using ContactCenter.Workers.Tests.Ml;
using ContactCenter.Workers.Tests.TestSupport;

namespace ContactCenter.Workers.Tests.EndToEnd;

/// <summary>
/// A PBX's voicemail mailbox on the test Dovecot, read by a Voicemail channel through the whole service: Asterisk's
/// notification with a WAV and FreePBX's with an MP3 become tickets; an empty message is set aside with its reason.
/// </summary>
[Collection(DovecotFixture.Collection)]
public sealed class VoicemailEndToEndTests(DovecotFixture dovecot) : IDisposable
{
    private readonly TempDirectory folder = new("cc-voicemail-e2e");

    public void Dispose() => folder.Dispose();

    [Fact]
    public async Task Voicemails_BecomeTickets_AndAnEmptyOneIsSetAsideWithItsReason()
    {
        var server = dovecot.Server;
        var user = server.CreateUser("segreteria");
        await server.AppendAsync(user, VoicemailMail.Asterisk("3331234567", "Mario Rossi", 7));
        await server.AppendAsync(user, VoicemailMail.FreePbx("0668201234", "COMUNE DI ROMA", 12));
        await server.AppendAsync(user, VoicemailMail.Asterisk("3339876543", "Luca Neri", 1, messageNumber: 3));
        var config = Config(server, user);

        var run = await CliRun.RunAsync(null, "ingest", "--once", "--json", "--config", config);

        run.ExitCode.Should().Be(0, run.Error);
        IngestSummaryJson.Single(run.Output).Should().BeEquivalentTo(new { Fetched = 3, Created = 2, Quarantined = 1 });
        (await server.CountAsync(user, "INBOX")).Should().Be(0);
        (await server.CountAsync(user, "Processed")).Should().Be(2);
        (await server.CountAsync(user, "Quarantine")).Should().Be(1, "the empty message is moved aside, never deleted");

        var tickets = IngestSummaryJson.Tickets((await CliRun.RunAsync(null, "tickets", "list", "--json", "--config", config)).Output);
        tickets.Select(t => t.GetProperty("channel").GetString()).Should().Equal("Voicemail", "Voicemail");
        var asterisk = await Show(config, tickets.Single(t => t.GetProperty("senderName").GetString() == "Mario Rossi"));
        asterisk.GetProperty("sender").GetProperty("phone").GetString().Should().Be("+393331234567");
        asterisk.GetProperty("needsReview").GetBoolean().Should().BeTrue();
        asterisk.GetProperty("attachments")[0].GetProperty("contentType").GetString().Should().Be("audio/wav");
        asterisk.GetProperty("textBody").GetString().Should().Contain("da ascoltare").And.Contain("Durata: 0:07");
        var freePbx = await Show(config, tickets.Single(t => t.GetProperty("senderName").GetString() == "COMUNE DI ROMA"));
        freePbx.GetProperty("sender").GetProperty("phone").GetString().Should().Be("+390668201234");
        freePbx.GetProperty("attachments")[0].GetProperty("fileName").GetString().Should().Be("msg0001.mp3");

        var quarantined = QuarantineJson.Parse((await CliRun.RunAsync(null, "quarantine", "list", "--json", "--config", config)).Output);
        quarantined.Should().ContainSingle().Which.Reason.Should().StartWith("Empty voicemail: 1 s, under ContactCenter:Voicemail:MinDuration (3 s)");

        var again = await CliRun.RunAsync(null, "ingest", "--once", "--json", "--config", config);
        IngestSummaryJson.Single(again.Output).Fetched.Should().Be(0);
    }

    [Fact]
    public async Task Voicemail_WithTheDemoRulesAndModel_IsClassifiedWithoutTheNoticeText_AndTheTicketSaysSo()
    {
        // The notice says nothing of the request: the model once read its "registrazione allegata", "trascrizione" as a
        // formal request and put every voicemail at the second level (40 days), in a category of its choosing.
        var server = dovecot.Server;
        var user = server.CreateUser("segreteria");
        await server.AppendAsync(user, VoicemailMail.Asterisk("3331234567", "Mario Rossi", 7));
        var config = Config(server, user, model: new { Enabled = true, Path = RoutingModelFixture.DemoModel });
        var rules = RoutingModelFixture.Rules;

        var run = await CliRun.RunAsync(null, "ingest", "--once", "--json", "--config", rules, "--config", config);

        run.ExitCode.Should().Be(0, run.Error);
        var row = IngestSummaryJson.Tickets((await CliRun.RunAsync(null, "tickets", "list", "--json", "--config", rules, "--config", config)).Output).Single();
        var ticket = await Show(config, row, rules);
        var classification = ticket.GetProperty("classification");
        classification.GetProperty("level").GetString().Should().Be("First");
        classification.GetProperty("ruleName").GetString().Should().Be("default");
        (classification.TryGetProperty("model", out var model) ? model.ValueKind : JsonValueKind.Null).Should()
            .Be(JsonValueKind.Null, $"the model is not asked about the service's notice (it gave {model})");
        classification.GetProperty("matches").EnumerateArray().Select(m => m.GetString()).Should()
            .Contain("text not classified: Messaggio vocale da ascoltare: nessuna trascrizione");
        ticket.GetProperty("textUnavailable").GetString().Should().Be("Messaggio vocale da ascoltare: nessuna trascrizione");
        ticket.GetProperty("needsReview").GetBoolean().Should().BeTrue();
    }

    private static async Task<JsonElement> Show(string config, JsonElement row, string? rules = null)
    {
        string[] configs = rules is null ? ["--config", config] : ["--config", rules, "--config", config];
        var shown = await CliRun.RunAsync(null, ["tickets", "show", row.GetProperty("number").GetString()!, "--json", .. configs]);
        shown.ExitCode.Should().Be(0, shown.Error);
        return JsonDocument.Parse(shown.Output).RootElement;
    }

    private string Config(DovecotServer server, string user, object? model = null)
    {
        var settings = new Dictionary<string, object>
        {
            ["Store"] = new { DataDirectory = Path.Combine(folder.Path, "data") },
            ["Receipts"] = new { Enabled = false },
            ["Voicemail"] = new { MinDuration = "00:00:03" },
            ["Channels"] = new Dictionary<string, object>
            {
                ["segreteria"] = new
                {
                    Type = "Voicemail",
                    Source = "Imap",
                    Host = DovecotServer.Host,
                    Port = server.ImapPort,
                    Security = "None",
                    User = user,
                    Password = DovecotServer.Password,
                },
            },
        };
        if (model is not null)
        {
            settings["Routing"] = new { Model = model };
        }

        return JsonConfigFile.Write(folder.Path, settings);
    }
}
