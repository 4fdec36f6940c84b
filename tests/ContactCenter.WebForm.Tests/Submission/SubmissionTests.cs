using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ContactCenter.Core.Storage;
using ContactCenter.Core.Tickets;
using ContactCenter.WebForm.Tests.TestSupport;

namespace ContactCenter.WebForm.Tests.Submission;

/// <summary>Submissions through the running service's pipeline and store, over HTTP.</summary>
public sealed class SubmissionTests : IAsyncLifetime
{
    private WebFormHost host = null!;

    public async Task InitializeAsync() => host = await WebFormHost.StartAsync();

    public async Task DisposeAsync() => await host.DisposeAsync();

    [Fact]
    public async Task Submit_SameFormTwice_OneTicketSameNumber()
    {
        using var client = new FormClient(host.FormUrl, "192.0.2.10");
        var hidden = await client.OpenFormAsync();
        await Task.Delay(1200);
        var fields = hidden.Concat(FormClient.ValidFields()).ToDictionary();

        // A double click: two posts at once; then a refresh of the confirmation page posts it a third time.
        var first = client.PostAsync(fields);
        var second = client.PostAsync(fields);
        var results = await Task.WhenAll(first, second);
        var (_, refreshed) = await client.PostAsync(fields);

        var numbers = results.Select(r => FormClient.TicketNumber(r.Body)).Append(FormClient.TicketNumber(refreshed)).ToList();
        numbers.Should().OnlyContain(n => n != null && n == numbers[0], string.Join("\n---\n", results.Select(r => r.Body)));
        refreshed.Should().Contain("Richiesta già registrata");
        var tickets = await host.Store.QueryAsync(new TicketQuery { ChannelName = "modulo-online" }, CancellationToken.None);
        tickets.Should().ContainSingle().Which.Number.Should().Be(numbers[0]);
    }

    [Fact]
    public async Task Submit_ValidForm_TicketClassifiedWithDueDateAndReceiptQueued()
    {
        using var client = new FormClient(host.FormUrl, "192.0.2.11");
        var (response, body) = await client.SubmitAsync(FormClient.ValidFields("giulia.verdi@example.it"), ("perizia.pdf", TestFiles.Pdf()));

        response.StatusCode.Should().Be(HttpStatusCode.OK, body);
        var ticket = await host.Store.GetAsync(FormClient.TicketNumber(body)!, CancellationToken.None);
        ticket!.Channel.Should().Be(ChannelKind.WebForm);
        ticket.ChannelName.Should().Be("modulo-online");
        ticket.Sender.DisplayName.Should().Be("Mario Rossi");
        ticket.Sender.Email.Should().Be("giulia.verdi@example.it");
        ticket.Sender.FiscalCode.Should().Be("RSSMRA80A01H501U");
        ticket.CategoryHint.Should().Be("contributi e rimborsi");
        ticket.Classification.RuleName.Should().NotBeNullOrEmpty();
        ticket.DueAt.Should().BeAfter(ticket.ReceivedAt);
        ticket.Attachments.Should().ContainSingle(a => a.FileName == "perizia.pdf" && a.ContentType == "application/pdf");
        host.Archive.Contains(ticket.Attachments[0].Sha256).Should().BeTrue();
        ticket.History.Should().Contain(e => e.Kind == TicketEventKind.ReceiptQueued);
        body.Should().Contain("Risposta prevista entro");
    }

    [Fact]
    public async Task Api_JsonRequest_CreatesTicketOnceForItsIdempotencyKey()
    {
        using var http = new HttpClient { BaseAddress = host.FormUrl };
        http.DefaultRequestHeaders.Add("X-Forwarded-For", "192.0.2.12");
        var request = new
        {
            nome = "Luca", cognome = "Neri", email = "luca.neri@example.it", oggetto = "Allerta meteo", argomento = "altro",
            testo = "Dove trovo il bollettino di allerta meteo di domani?", consenso = true,
            allegati = new[] { new { nome = "foto.png", contenuto = Convert.ToBase64String([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 1, 2, 3]) } },
        };

        async Task<(HttpStatusCode, JsonElement)> PostAsync()
        {
            using var message = new HttpRequestMessage(HttpMethod.Post, "api/richieste") { Content = JsonContent.Create(request) };
            message.Headers.Add("Idempotency-Key", "sito-comune-0000000042");
            var response = await http.SendAsync(message);
            return (response.StatusCode, await response.Content.ReadFromJsonAsync<JsonElement>());
        }

        var (created, first) = await PostAsync();
        var (repeated, second) = await PostAsync();

        created.Should().Be(HttpStatusCode.Created, first.ToString());
        repeated.Should().Be(HttpStatusCode.OK);
        second.GetProperty("numero").GetString().Should().Be(first.GetProperty("numero").GetString());
        first.GetProperty("linkSegui").GetString().Should().Contain("/segui/").And.Contain("?t=");
        var tickets = await host.Store.QueryAsync(new TicketQuery { ChannelName = "modulo-online" }, CancellationToken.None);
        tickets.Should().ContainSingle(t => t.Sender.Email == "luca.neri@example.it").Which.Attachments.Should().ContainSingle();
    }

    [Fact]
    public async Task Api_InvalidRequest_ErrorsPerFieldInItalian()
    {
        using var http = new HttpClient { BaseAddress = host.FormUrl };
        http.DefaultRequestHeaders.Add("X-Forwarded-For", "192.0.2.13");
        using var message = new HttpRequestMessage(HttpMethod.Post, "api/richieste")
        {
            Content = JsonContent.Create(new { nome = "Luca", email = "non-una-email", codiceFiscale = "RSSMRA80A01H501X", consenso = false }),
        };
        message.Headers.Add("Idempotency-Key", "sito-comune-0000000043");
        var response = await http.SendAsync(message);

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        var errors = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errori").EnumerateArray()
            .ToDictionary(e => e.GetProperty("campo").GetString()!, e => e.GetProperty("messaggio").GetString()!);
        errors.Keys.Should().BeEquivalentTo(["cognome", "email", "codice_fiscale", "oggetto", "testo", "argomento", "consenso"]);
        errors["codice_fiscale"].Should().Contain("codice fiscale non è valido");
    }

    [Fact]
    public async Task Tracking_WrongEmailAndUnknownNumber_SameAnswer()
    {
        using var client = new FormClient(host.FormUrl, "192.0.2.14");
        var (_, body) = await client.SubmitAsync(FormClient.ValidFields("paolo.gialli@example.it"));
        var number = FormClient.TicketNumber(body)!;

        async Task<string> LookUpAsync(string n, string email)
        {
            var response = await client.Http.PostAsync("segui", new FormUrlEncodedContent(new Dictionary<string, string> { ["numero"] = n, ["email"] = email }));
            response.StatusCode.Should().Be(HttpStatusCode.OK);
            return await response.Content.ReadAsStringAsync();
        }

        var found = await LookUpAsync(number.ToLowerInvariant(), "Paolo.Gialli@example.it");
        found.Should().Contain("id=\"stato\">ricevuta<").And.Contain("Risposta prevista entro").And.NotContain("Mario").And.NotContain("alluvione");

        var wrongEmail = await LookUpAsync(number, "altro@example.it");
        var noTicket = await LookUpAsync("PC-2026-999999", "altro@example.it");
        wrongEmail.Should().Contain("Nessuna richiesta corrisponde");
        wrongEmail.Replace(number, "N").Should().Be(noTicket.Replace("PC-2026-999999", "N"));

        var link = await client.Http.GetStringAsync($"segui/{number}?t=forged-token-000000");
        link.Should().Contain("Nessuna richiesta corrisponde");
    }
}
