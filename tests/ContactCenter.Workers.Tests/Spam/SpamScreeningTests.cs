using System.Net.Http.Json;
using System.Text.Json;
using ContactCenter.Testing;
using ContactCenter.Testing.Dovecot;
using ContactCenter.Testing.Rspamd;
using ContactCenter.Testing.Smtp;
using ContactCenter.Workers.Tests.Control;
using ContactCenter.Workers.Tests.TestSupport;

namespace ContactCenter.Workers.Tests.Spam;

/// <summary>The running service with a real rspamd (and its redis) on loopback, a mail drop and a real SMTP listener.</summary>
[Collection(MetricsCollection.Name)]
[Trait(RunAlone.Trait, RunAlone.Value)]
public sealed class SpamScreeningTests(RspamdFixture rspamd) : IClassFixture<RspamdFixture>, IDisposable
{
    private readonly TempDirectory folder = new("cc-spam");

    public void Dispose() => folder.Dispose();

    [Fact]
    public async Task Ingest_GtubeAndGenuineMail_GtubeHeldWithoutTicketAndGenuineTicketRecordsVerdict()
    {
        var inbox = Inbox(("gtube.eml", Mail("offerte@promo.example", "Offerta imperdibile", RspamdServer.Gtube)),
            ("ham.eml", Mail("mario.rossi@example.org", "Contributi dopo il terremoto", "Vorrei sapere come presentare la domanda.")));
        await using var service = await StartAsync(inbox, rspamd.Server.Url, screening: new { Rspamd = true });

        var status = await service.WaitForStatusAsync(s => s.GetProperty("tickets").GetInt32() >= 1 && Directory.GetFiles(inbox).Length == 0,
            TimeSpan.FromSeconds(90));

        status.GetProperty("tickets").GetInt32().Should().Be(1, "the GTUBE message opens no ticket");
        var spam = await service.Http.GetFromJsonAsync<JsonElement>("api/spam");
        spam.GetArrayLength().Should().Be(1);
        spam[0].GetProperty("subject").GetString().Should().Be("Offerta imperdibile");
        spam[0].GetProperty("verdict").GetProperty("mail.spam.action").GetString().Should().Be("reject");
        spam[0].GetProperty("original").GetProperty("sha256").GetString().Should().NotBeNullOrEmpty();
        var ticket = await OnlyTicketAsync(service);
        ticket.GetProperty("metadata").GetProperty("mail.spam.verdict").GetString().Should().Be("clean");
        ticket.GetProperty("metadata").GetProperty("mail.spam.engine").GetString().Should().Be("rspamd");
        ticket.GetProperty("metadata").TryGetProperty("mail.spam.score", out _).Should().BeTrue();
        var metrics = await service.Http.GetStringAsync("metrics");
        metrics.Should().Contain("contactcenter_spam_verdicts").And.Contain("verdict=\"spam\"").And.Contain("verdict=\"clean\"");
        Directory.GetFiles(folder.Combine("done"), "*", SearchOption.AllDirectories).Should().HaveCount(2, "a held spam is acknowledged too");
        var stats = await service.Http.GetFromJsonAsync<JsonElement>("api/stats");
        stats.GetProperty("spam").GetInt32().Should().Be(1);
    }

    [Fact]
    public async Task Ingest_EngineDown_TicketMadeWithVerdictUncheckedAndErrorCounted()
    {
        var inbox = Inbox(("gtube.eml", Mail("offerte@promo.example", "Offerta", RspamdServer.Gtube)));
        var closed = new Uri($"http://127.0.0.1:{FreePort.Next()}/");
        await using var service = await StartAsync(inbox, closed, screening: new { Rspamd = true });

        await service.WaitForStatusAsync(s => s.GetProperty("tickets").GetInt32() >= 1, TimeSpan.FromSeconds(60));

        var ticket = await OnlyTicketAsync(service);
        ticket.GetProperty("metadata").GetProperty("mail.spam.verdict").GetString().Should().Be("unchecked");
        ticket.GetProperty("metadata").GetProperty("mail.spam.error").GetString().Should().Contain("unreachable");
        (await service.Http.GetFromJsonAsync<JsonElement>("api/spam")).GetArrayLength().Should().Be(0);
        (await service.Http.GetStringAsync("metrics")).Should().Contain("contactcenter_spam_engine_errors");
    }

    [Fact]
    public async Task Ingest_ForgedAndGenuineAuthenticationResults_OnlyOurMtasTopMostHeaderCounts()
    {
        // Genuine: our MTA's header on top says DMARC failed; the sender's forged "pass" under it, and a foreign id, are ignored.
        var failing = Mail("sindaco@comune-falso.example", "Richiesta urgente", "Testo.",
            "Authentication-Results: mx.protezionecivile.example.it; spf=fail smtp.mailfrom=comune-falso.example; dkim=none; dmarc=fail (p=reject) header.from=comune-falso.example",
            "Authentication-Results: mx.protezionecivile.example.it; dmarc=pass header.from=comune-falso.example");
        // Forged only: a header claiming pass from an authserv-id we do not trust records nothing.
        var forged = Mail("anna.bianchi@example.org", "Domanda", "Testo.",
            "Authentication-Results: mx.attacker.example; spf=pass; dkim=pass; dmarc=pass");
        var inbox = Inbox(("1.eml", failing), ("2.eml", forged));
        await using var smtp = await SmtpTestServer.StartNewAsync();
        await using var service = await StartAsync(inbox, null, screening: new { TrustedAuthServIds = new[] { "mx.protezionecivile.example.it" } }, smtp.Port);

        await service.WaitForStatusAsync(s => s.GetProperty("tickets").GetInt32() >= 2, TimeSpan.FromSeconds(60));

        var tickets = await service.Http.GetFromJsonAsync<JsonElement>("api/tickets");
        var bySubject = tickets.EnumerateArray().ToDictionary(t => t.GetProperty("subject").GetString()!);
        var dmarcFail = await TicketAsync(service, bySubject["Richiesta urgente"]);
        dmarcFail.GetProperty("metadata").GetProperty("mail.auth.dmarc").GetString().Should().Be("fail");
        dmarcFail.GetProperty("metadata").GetProperty("mail.auth.spf").GetString().Should().Be("fail");
        dmarcFail.GetProperty("needsReview").GetBoolean().Should().BeTrue();
        dmarcFail.GetProperty("reviewReason").GetString().Should().Contain("DMARC");
        var other = await TicketAsync(service, bySubject["Domanda"]);
        other.GetProperty("metadata").TryGetProperty("mail.auth.dmarc", out _).Should().BeFalse();
        var receipts = await smtp.WaitForMessagesAsync(1, TimeSpan.FromSeconds(30));
        await Task.Delay(2000); // the outbox job would have sent a second receipt by now
        smtp.Messages.Should().ContainSingle().Which.EnvelopeTo.Should().Equal("anna.bianchi@example.org");
        receipts.Should().NotBeEmpty();
    }

    [Fact]
    public async Task Release_FalsePositiveHeldAsSpam_BecomesTicketWithReceiptAndRspamdLearnsHam()
    {
        var inbox = Inbox(("gtube.eml", Mail("giulia.verdi@example.org", "Segnalazione frana", "Via Roma è interrotta. " + RspamdServer.Gtube)));
        await using var smtp = await SmtpTestServer.StartNewAsync();
        await using var service = await StartAsync(inbox, rspamd.Server.Url, screening: new { Rspamd = true }, smtp.Port);
        JsonElement held = default;
        for (var i = 0; i < 300 && (held.ValueKind != JsonValueKind.Array || held.GetArrayLength() == 0); i++)
        {
            await Task.Delay(200);
            held = await service.Http.GetFromJsonAsync<JsonElement>("api/spam");
        }

        var id = held[0].GetProperty("id").GetInt32();
        var response = await service.Http.PostAsJsonAsync($"api/spam/{id}/release", new { Actor = "operatore" });
        var result = await response.Content.ReadFromJsonAsync<JsonElement>();

        response.IsSuccessStatusCode.Should().BeTrue(result.ToString());
        var number = result.GetProperty("record").GetProperty("resultTicketNumber").GetString();
        number.Should().StartWith("PC-");
        result.GetProperty("record").GetProperty("learnNote").GetString().Should().Be("learnt as ham");
        var ticket = await service.Http.GetFromJsonAsync<JsonElement>($"api/tickets/{number}");
        ticket.GetProperty("metadata").GetProperty("mail.spam.verdict").GetString().Should().Be("released");
        ticket.GetProperty("metadata").GetProperty("mail.spam.releasedBy").GetString().Should().Contain("operatore");
        ticket.GetProperty("metadata").GetProperty("maildrop.file").GetString().Should().Contain("gtube.eml", "the channel's item metadata is kept on release");
        var receipt = (await smtp.WaitForMessagesAsync(1, TimeSpan.FromSeconds(60))).Single();
        receipt.EnvelopeTo.Should().Equal("giulia.verdi@example.org");
        receipt.Message.Subject.Should().Contain(number);
        (await service.Http.GetFromJsonAsync<JsonElement>("api/spam")).GetArrayLength().Should().Be(0);
        var again = await service.Http.PostAsJsonAsync($"api/spam/{id}/release", new { Actor = "operatore" });
        ((int)again.StatusCode).Should().Be(409);
    }

    [Fact]
    public async Task Ingest_MailSavedWithJunkBeforeItsHeaders_ScreenedPastTheJunk_AndTheMailBehindItIngested()
    {
        var saved = "---- Original email message ----\r\n" + Mail("sindaco@comune-falso.example", "Domanda salvata", "Testo.",
            "Authentication-Results: mx.protezionecivile.example.it; spf=fail smtp.mailfrom=comune-falso.example; dmarc=fail header.from=comune-falso.example");
        var inbox = Inbox(("1.eml", saved), ("2.eml", Mail("mario.rossi@example.org", "Altra domanda", "Testo.")));
        await using var service = await StartAsync(inbox, null, screening: new { TrustedAuthServIds = new[] { "mx.protezionecivile.example.it" } });

        await service.WaitForStatusAsync(s => s.GetProperty("tickets").GetInt32() >= 2 && Directory.GetFiles(inbox).Length == 0, TimeSpan.FromSeconds(60));

        var tickets = await service.Http.GetFromJsonAsync<JsonElement>("api/tickets");
        var bySubject = tickets.EnumerateArray().ToDictionary(t => t.GetProperty("subject").GetString()!);
        var metadata = (await TicketAsync(service, bySubject["Domanda salvata"])).GetProperty("metadata");
        metadata.GetProperty("mail.auth.dmarc").GetString().Should().Be("fail", "the screen reads the headers the normaliser read");
        bySubject.Should().ContainKey("Altra domanda");
    }

    private async Task<ServiceTestHost> StartAsync(string inbox, Uri? rspamdUrl, object screening, int? smtpPort = null)
    {
        var channels = new Dictionary<string, object>
        {
            ["urp"] = new
            {
                Type = "MailDrop", Path = inbox, DonePath = folder.Combine("done"), QuarantinePath = folder.Combine("quarantine"),
                StableFor = "00:00:00", Interval = "00:00:01", Screening = screening,
            },
        };
        var extra = JsonConfigFile.Write(folder.Path, new
        {
            Spam = new
            {
                Rspamd = new
                {
                    Url = rspamdUrl ?? rspamd.Server.Url, ControllerUrl = rspamd.Server.ControllerUrl, Password = RspamdServer.Password, Timeout = "00:00:05",
                },
            },
            Receipts = new { Enabled = smtpPort is not null, From = "Protezione Civile <urp@protezionecivile.example.it>" },
            Smtp = new { Host = "127.0.0.1", Port = smtpPort ?? 25, Security = "None" },
        });
        return await ServiceTestHost.StartAsync(folder.Path, channels, extraConfig: extra);
    }

    private string Inbox(params (string Name, string Text)[] messages)
    {
        var inbox = Directory.CreateDirectory(folder.Combine("inbox")).FullName;
        foreach (var (name, text) in messages)
        {
            File.WriteAllText(Path.Combine(inbox, name), text);
        }

        return inbox;
    }

    private static string Mail(string from, string subject, string body, params string[] headers) =>
        string.Join("\r\n", headers) + (headers.Length > 0 ? "\r\n" : "")
        + $"From: {from}\r\nTo: urp@protezionecivile.example.it\r\nSubject: {subject}\r\nMessage-ID: <{Guid.NewGuid():N}@example.org>\r\n"
        + $"Date: {DateTimeOffset.UtcNow:r}\r\nMIME-Version: 1.0\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n{body}\r\n";

    private static async Task<JsonElement> OnlyTicketAsync(ServiceTestHost service)
    {
        var list = await service.Http.GetFromJsonAsync<JsonElement>("api/tickets");
        list.GetArrayLength().Should().Be(1);
        return await TicketAsync(service, list[0]);
    }

    private static Task<JsonElement> TicketAsync(ServiceTestHost service, JsonElement row) =>
        service.Http.GetFromJsonAsync<JsonElement>($"api/tickets/{row.GetProperty("number").GetString()}");
}
