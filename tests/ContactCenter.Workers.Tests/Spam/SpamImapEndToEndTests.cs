using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using ContactCenter.Testing;
using ContactCenter.Testing.Dovecot;
using ContactCenter.Testing.Rspamd;
using ContactCenter.Workers.Tests.Control;

namespace ContactCenter.Workers.Tests.Spam;

/// <summary>Spam from a real Dovecot mailbox, judged by a real rspamd, held, moved to Processed, and confirmed.</summary>
[Collection(DovecotFixture.Collection)]
public sealed class SpamImapEndToEndTests(DovecotFixture dovecot, RspamdFixture rspamd) : IClassFixture<RspamdFixture>, IDisposable
{
    private readonly TempDirectory folder = new("cc-spam-imap");

    public void Dispose() => folder.Dispose();

    [Fact]
    public async Task Imap_GtubeAndCitizenMail_SpamHeldAndMovedCitizenTicketAndConfirmTeachesRspamd()
    {
        var server = dovecot.Server;
        var user = server.CreateUser("spam");
        await server.AppendAsync(user, Encoding.UTF8.GetBytes(Mail("offerte@promo.example", "Guadagna subito", RspamdServer.Gtube)));
        await server.AppendAsync(user, Encoding.UTF8.GetBytes(Mail("luca.neri@example.org", "Allerta meteo", "Quando finisce l'allerta?")));
        var extra = JsonConfigFile.Write(folder.Path, new
        {
            // The flow is under test, not rspamd's speed: on a machine loaded by the other suites an answer can take
            // longer than the 10 s default, and an unanswered check rightly lets the mail through as unchecked.
            Spam = new { Rspamd = new { Url = rspamd.Server.Url, ControllerUrl = rspamd.Server.ControllerUrl, Password = RspamdServer.Password, Timeout = "00:01:00" } },
        });
        await using var service = await ServiceTestHost.StartAsync(folder.Path, new Dictionary<string, object>
        {
            ["urp"] = new
            {
                Type = "Imap", Host = DovecotServer.Host, Port = server.ImapPort, Security = "None", User = user,
                Password = DovecotServer.Password, Interval = "00:00:01", Idle = false, Screening = new { Rspamd = true },
            },
        }, extraConfig: extra);

        await service.WaitForStatusAsync(s => s.GetProperty("tickets").GetInt32() >= 1, TimeSpan.FromSeconds(90));
        for (var i = 0; i < 100 && await server.CountAsync(user, "Processed") < 2; i++)
        {
            await Task.Delay(200);
        }

        (await server.CountAsync(user, "Processed")).Should().Be(2, "a held spam is acknowledged (moved) like a ticket");
        (await server.CountAsync(user, "INBOX")).Should().Be(0);
        var tickets = await service.Http.GetFromJsonAsync<JsonElement>("api/tickets");
        tickets.GetArrayLength().Should().Be(1, $"the GTUBE mail is held as spam, not opened as a ticket: {tickets}");
        tickets[0].GetProperty("subject").GetString().Should().Be("Allerta meteo");
        var held = await service.Http.GetFromJsonAsync<JsonElement>("api/spam");
        held.GetArrayLength().Should().Be(1);
        held[0].GetProperty("sourceKey").GetString().Should().StartWith("imap:");

        var confirm = await service.Http.PostAsJsonAsync($"api/spam/{held[0].GetProperty("id").GetInt32()}/confirm", new { Actor = "operatore" });
        var result = await confirm.Content.ReadFromJsonAsync<JsonElement>();

        confirm.IsSuccessStatusCode.Should().BeTrue(result.ToString());
        result.GetProperty("record").GetProperty("status").ToString().Should().BeOneOf("Confirmed", "2");
        result.GetProperty("record").GetProperty("learnNote").GetString().Should().Be("learnt as spam");
        (await service.Http.GetFromJsonAsync<JsonElement>("api/spam")).GetArrayLength().Should().Be(0);
        (await service.Http.GetFromJsonAsync<JsonElement>("api/tickets")).GetArrayLength().Should().Be(1, "confirming opens nothing");
    }

    private static string Mail(string from, string subject, string body) =>
        $"From: {from}\r\nTo: urp@protezionecivile.example.it\r\nSubject: {subject}\r\nMessage-ID: <{Guid.NewGuid():N}@example.org>\r\n"
        + $"Date: {DateTimeOffset.UtcNow:r}\r\nMIME-Version: 1.0\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n{body}\r\n";
}
