using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ContactCenter.Core.Storage;
using ContactCenter.Core.Tickets;
using ContactCenter.WebForm.Tests.TestSupport;

namespace ContactCenter.WebForm.Tests.Submission;

/// <summary>
/// A form's typed address proves nothing and its keys are chosen by the caller: a form never writes into a ticket it
/// names, and a key used again for another request gets nothing of the first.
/// </summary>
public sealed class SubmissionIdentityTests : IAsyncLifetime
{
    private WebFormHost host = null!;

    public async Task InitializeAsync() => host = await WebFormHost.StartAsync();

    public async Task DisposeAsync() => await host.DisposeAsync();

    [Fact]
    public async Task Submit_SubjectNamesAClosedTicket_OwnLinkedTicket_TheNamedOneUntouchedAndNotDisclosed()
    {
        using var client = new FormClient(host.FormUrl, "192.0.2.20");
        var (_, firstBody) = await client.SubmitAsync(FormClient.ValidFields("paolo.gialli@example.it"));
        var named = FormClient.TicketNumber(firstBody)!;
        await host.Store.UpdateAsync(named, t =>
        {
            t.Status = TicketStatus.Closed;
            return new TicketEvent { Kind = TicketEventKind.Closed, Actor = "operatore", Detail = "risposta inviata" };
        }, CancellationToken.None);

        foreach (var (email, address) in new[] { ("estraneo@example.org", "192.0.2.21"), ("paolo.gialli@example.it", "192.0.2.22") })
        {
            using var other = new FormClient(host.FormUrl, address);
            var fields = FormClient.ValidFields(email);
            fields["oggetto"] = $"Riferimento {named}";
            var (response, body) = await other.SubmitAsync(fields);

            response.StatusCode.Should().Be(HttpStatusCode.OK, body);
            var own = FormClient.TicketNumber(body);
            own.Should().NotBeNull().And.NotBe(named, $"a form from {email} opens a ticket of its own");
            body.Should().Contain("Richiesta registrata").And.NotContain(named).And.Contain($"segui/{own}");
            var linked = (await host.Store.GetAsync(own!, CancellationToken.None))!;
            linked.LinkedTicketNumber.Should().Be(named);
            linked.History.Should().Contain(e => e.Kind == TicketEventKind.Note && e.Detail.Contains("modulo web che cita la pratica " + named));
        }

        var untouched = (await host.Store.GetAsync(named, CancellationToken.None))!;
        untouched.Status.Should().Be(TicketStatus.Closed);
        untouched.Messages.Should().ContainSingle();
        untouched.NeedsReview.Should().BeFalse();
        untouched.History.Where(e => e.Kind == TicketEventKind.Note).Should().HaveCount(2).And.OnlyContain(e => e.Detail.StartsWith("Un modulo web ("));
    }

    [Fact]
    public async Task Api_SameKeyForAnotherRequest_409WithNothingOfTheFirst_TheFirstRequestAgainStillItsTicket()
    {
        using var http = new HttpClient { BaseAddress = host.FormUrl };
        http.DefaultRequestHeaders.Add("X-Forwarded-For", "192.0.2.23");
        object Request(string email, string text) => new
        {
            nome = "Luca", cognome = "Neri", email, oggetto = "Allerta meteo", argomento = "altro", testo = text, consenso = true,
        };

        async Task<(HttpStatusCode, JsonElement)> PostAsync(object request)
        {
            using var message = new HttpRequestMessage(HttpMethod.Post, "api/richieste") { Content = JsonContent.Create(request) };
            message.Headers.Add("Idempotency-Key", "sito-comune-0000000099");
            var response = await http.SendAsync(message);
            return (response.StatusCode, await response.Content.ReadFromJsonAsync<JsonElement>());
        }

        var (created, first) = await PostAsync(Request("luca.neri@example.it", "Dove trovo il bollettino di allerta meteo di domani?"));
        var (reused, other) = await PostAsync(Request("curioso@example.org", "Qualunque testo."));
        var (retried, again) = await PostAsync(Request("luca.neri@example.it", "Dove trovo il bollettino di allerta meteo di domani?"));

        created.Should().Be(HttpStatusCode.Created, first.ToString());
        reused.Should().Be(HttpStatusCode.Conflict, other.ToString());
        other.ToString().Should().NotContain(first.GetProperty("numero").GetString()).And.NotContain("segui");
        retried.Should().Be(HttpStatusCode.OK);
        again.GetProperty("numero").GetString().Should().Be(first.GetProperty("numero").GetString());
        (await host.Store.QueryAsync(new TicketQuery { Sender = "curioso@example.org" }, CancellationToken.None)).Should().BeEmpty();
    }

    [Fact]
    public async Task Submit_SameFormEditedAndSentAgain_409NoNumber_FirstTicketKept()
    {
        using var client = new FormClient(host.FormUrl, "192.0.2.24");
        var hidden = await client.OpenFormAsync();
        await Task.Delay(1200);
        var fields = hidden.Concat(FormClient.ValidFields()).ToDictionary();
        var (_, firstBody) = await client.PostAsync(fields);
        fields["testo"] = "Ho dimenticato di dire che la casa è a Pescara.";

        var (response, body) = await client.PostAsync(fields);

        response.StatusCode.Should().Be(HttpStatusCode.Conflict, body);
        body.Should().Contain("Modulo già inviato");
        FormClient.TicketNumber(body).Should().BeNull();
        (await host.Store.GetAsync(FormClient.TicketNumber(firstBody)!, CancellationToken.None))!.Messages.Should().ContainSingle();
    }
}
