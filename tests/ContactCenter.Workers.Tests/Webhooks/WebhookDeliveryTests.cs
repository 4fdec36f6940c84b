using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text.Json;
using ContactCenter.Testing;
using ContactCenter.Testing.Dovecot;
using ContactCenter.Workers.Hosting;
using ContactCenter.Workers.Tests.Control;
using ContactCenter.Workers.Tests.TestSupport;
using Microsoft.Extensions.Hosting;

namespace ContactCenter.Workers.Tests.Webhooks;

/// <summary>
/// The running service pushes every created and updated ticket to a real HTTP receiver that verifies each signature;
/// the receiver goes down for a while and then loses two answers: every event arrives, none is lost, and the repeats
/// carry the same webhook-id.
/// </summary>
[Collection(MetricsCollection.Name)]
[Trait(RunAlone.Trait, RunAlone.Value)]
public sealed class WebhookDeliveryTests : IDisposable
{
    private readonly TempDirectory folder = new("cc-webhooks");

    public void Dispose() => folder.Dispose();

    [Fact]
    public async Task ReceiverDownForAWhile_EveryEventDelivered_SignedOnce_RepeatsShareTheirId()
    {
        var key = RandomNumberGenerator.GetBytes(32);
        var secretFile = folder.Combine("crm.secret");
        await File.WriteAllTextAsync(secretFile, "whsec_" + Convert.ToBase64String(key) + "\n");
        await using var receiver = new WebhookReceiver(key);
        await receiver.StartAsync();
        var inbox = MailDrop.Samples(folder);
        var port = FreePort.Next();
        var config = JsonConfigFile.Write(folder.Path, new
        {
            Store = new { DataDirectory = folder.Combine("data") },
            Mail = new { OwnAddresses = new[] { "urp@protezionecivile.example.it" } },
            Receipts = new { Enabled = false },
            Pipeline = new { ModeCheckInterval = "00:00:01" },
            Control = new { Url = $"http://127.0.0.1:{port}", GaugeRefreshInterval = "00:00:01" },
            Channels = MailDrop.Channel(folder, "drop", inbox),
            Webhooks = new
            {
                PollInterval = "00:00:00.200",
                Timeout = "00:00:02",
                RetryBackoff = new { Initial = "00:00:00.200", Max = "00:00:01" },
                Endpoints = new { crm = new { Url = receiver.Url, SecretFile = secretFile } },
            },
        });
        using var host = ContactCenterHost.CreateBuilder(new HostSettings { ConfigFiles = [ServiceTestHost.Rules, config], Service = true, LogToStandardError = false }).Build();
        await host.StartAsync();
        using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}/") };
        try
        {
            // Up: the six sample mails become four tickets, a follow-up and an auto-reply.
            var first = await WaitForWebhookAsync(http, w => w.GetProperty("pending").GetInt32() == 0 && w.GetProperty("delivered").GetInt32() >= 5);
            var tickets = await Numbers(http);
            tickets.Should().HaveCount(4);

            // Down: two tickets closed by the backoffice and three new mails arrive while nobody answers.
            await receiver.StopAsync();
            var delivered = first.GetProperty("delivered").GetInt32();
            foreach (var number in tickets.Take(2))
            {
                (await http.PostAsJsonAsync($"api/tickets/{number}/close", new { reason = "risposto", actor = "backoffice:anna" })).EnsureSuccessStatusCode();
            }

            for (var i = 0; i < 3; i++)
            {
                await File.WriteAllTextAsync(Path.Combine(inbox, $"late-{i}.eml"), CitizenMail(i));
            }

            var down = await WaitForWebhookAsync(http, w => w.GetProperty("pending").GetInt32() == 5 && w.GetProperty("lastError").ValueKind == JsonValueKind.String);
            down.GetProperty("pending").GetInt32().Should().Be(5, "three tickets created and two closed while the receiver was down");
            down.GetProperty("delivered").GetInt32().Should().Be(delivered);
            down.GetProperty("lastError").GetString().Should().Contain("refused");
            await Task.Delay(1500);

            // Back, but the first two answers get lost: those two events come again, with their ids.
            receiver.LoseNextAnswers(2);
            await receiver.StartAsync();
            var done = await WaitForWebhookAsync(http, w => w.GetProperty("pending").GetInt32() == 0);

            done.GetProperty("pending").GetInt32().Should().Be(0);
            done.GetProperty("abandoned").GetInt32().Should().Be(0);
            receiver.BadSignatures.Should().Be(0);
            var received = receiver.Received.ToList();
            received.Should().OnlyContain(e => e.HeaderId == e.BodyId);
            var unique = received.GroupBy(e => e.HeaderId).ToList();
            unique.Should().HaveCount(done.GetProperty("delivered").GetInt32(), "every event the store queued arrived");
            unique.Where(g => g.Count() > 1).Should().HaveCountGreaterThanOrEqualTo(2, "two answers were lost, so two events came twice")
                .And.OnlyContain(g => g.Select(e => e.Type + " " + e.TicketNumber + " " + e.Change).Distinct().Count() == 1);

            var events = unique.Select(g => g.First()).ToList();
            var allTickets = await Numbers(http);
            allTickets.Should().HaveCount(7);
            events.Where(e => e.Type == "ticket.created").Select(e => e.TicketNumber).Should().BeEquivalentTo(allTickets, "one ticket.created per ticket");
            events.Where(e => e.Type == "ticket.updated" && e.Change == "Closed").Select(e => e.TicketNumber).Should().BeEquivalentTo(tickets.Take(2));
            events.Where(e => e.Change == "Closed").Should().OnlyContain(e => e.TicketStatus == "Closed");
            events.Should().Contain(e => e.Type == "ticket.updated" && e.Change == "FollowUpAppended");

            var metrics = await http.GetStringAsync("metrics");
            metrics.Should().Contain("contactcenter_webhooks_delivered_total{").And.Contain("webhook=\"crm\"");
            metrics.Should().Contain("contactcenter_webhooks_failures_total{").And.Contain("contactcenter_webhooks_pending{");
            var status = await CliRun.RunAsync(null, "status", "--config", ServiceTestHost.Rules, "--config", config);
            status.Output.Should().Contain("Webhook crm: 0 event(s) not yet delivered").And.Contain($"{unique.Count} delivered");
            status.Output.Should().Contain($"Service: running, version {ContactCenter.Workers.Hosting.ServiceVersion.Current} (");
        }
        finally
        {
            await host.StopAsync();
        }
    }

    private static async Task<JsonElement> WaitForWebhookAsync(HttpClient http, Func<JsonElement, bool> done)
    {
        var until = DateTime.UtcNow.AddSeconds(60);
        while (true)
        {
            var status = await http.GetFromJsonAsync<JsonElement>("api/status");
            var webhook = status.GetProperty("webhooks").EnumerateArray().SingleOrDefault(w => w.GetProperty("webhook").GetString() == "crm");
            if ((webhook.ValueKind == JsonValueKind.Object && done(webhook)) || DateTime.UtcNow > until)
            {
                return webhook;
            }

            await Task.Delay(100);
        }
    }

    private static async Task<List<string>> Numbers(HttpClient http) =>
        [.. (await http.GetFromJsonAsync<JsonElement>("api/tickets")).EnumerateArray().Select(t => t.GetProperty("number").GetString()!)];

    private static string CitizenMail(int i) =>
        $"From: Cittadino {i} <cittadino{i}@example.it>\r\nTo: urp@protezionecivile.example.it\r\nSubject: Richiesta {i} sul piano neve\r\n" +
        $"Message-ID: <late-{i}@example.it>\r\nDate: Tue, 10 Mar 2026 10:0{i}:00 +0100\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n" +
        $"Buongiorno, vorrei sapere come funziona il piano neve del comune ({i}).\r\n";
}
