using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using ContactCenter.Testing;
using ContactCenter.Workers.Backoffice;
using ContactCenter.Workers.Control;
using ContactCenter.Workers.Tests.Cli;
using ContactCenter.Workers.Tests.TestSupport;

namespace ContactCenter.Workers.Tests.Control;

/// <summary>The JSON API a backoffice application uses, against the running service over a store with known tickets.</summary>
public sealed class ControlApiTests : IDisposable
{
    private readonly TempDirectory folder = new("cc-control-api");

    public void Dispose() => folder.Dispose();

    [Fact]
    public async Task TicketActs_AnswerWithTheirOutcome_AndRecordTheActor()
    {
        var numbers = await KnownStore.BuildAsync(folder.Combine("data"));
        await using var service = await ServiceTestHost.StartAsync(folder.Path, new { });
        var http = service.Http;

        (await Numbers(http, "api/tickets?status=open")).Should().BeEquivalentTo(numbers["B"], numbers["C"]);
        (await Numbers(http, "api/tickets?overdue=true")).Should().Equal(numbers["B"]);
        (await Numbers(http, "api/tickets?channel=fax")).Should().Equal(numbers["D"]);
        (await Numbers(http, "api/tickets?sender=B%40Example.it")).Should().Equal(numbers["B"]);
        (await Numbers(http, "api/tickets?sender=0864%20576210")).Should().Equal([numbers["D"]], "a number as a caller says it is read as the stored E.164");
        (await http.GetAsync("api/tickets/PC-2026-999999")).StatusCode.Should().Be(HttpStatusCode.NotFound);

        var close = await http.PostAsJsonAsync($"api/tickets/{numbers["B"]}/close", new { reason = "risposto via PEC", actor = "backoffice:anna" });
        close.StatusCode.Should().Be(HttpStatusCode.OK);
        var closed = JsonDocument.Parse(await close.Content.ReadAsStringAsync()).RootElement;
        closed.GetProperty("outcome").GetString().Should().Be("Done");
        var history = closed.GetProperty("ticket").GetProperty("history");
        history[history.GetArrayLength() - 1].GetProperty("actor").GetString().Should().Be("backoffice:anna");

        var again = await http.PostAsJsonAsync($"api/tickets/{numbers["B"]}/close", new { reason = "di nuovo" });
        again.StatusCode.Should().Be(HttpStatusCode.Conflict);
        (await again.Content.ReadAsStringAsync()).Should().Contain("already closed");

        (await http.PostAsJsonAsync($"api/tickets/{numbers["C"]}/suspend", new { })).StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await http.PostAsJsonAsync($"api/tickets/{numbers["C"]}/suspend", new { waitingFor = "Regione Abruzzo" })).StatusCode.Should().Be(HttpStatusCode.OK);
        var resume = await http.PostAsJsonAsync($"api/tickets/{numbers["C"]}/resume", new { });
        resume.StatusCode.Should().Be(HttpStatusCode.OK);
        (await resume.Content.ReadAsStringAsync()).Should().Contain("Regione Abruzzo");
        (await http.PostAsJsonAsync($"api/tickets/{numbers["C"]}/frobnicate", new { })).StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await http.PostAsJsonAsync("api/tickets/PC-2026-999999/close", new { })).StatusCode.Should().Be(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task ReviewQueue_ListsFlaggedTickets_ReviewedClearsTheFlagOnce()
    {
        var numbers = await KnownStore.BuildAsync(folder.Combine("data"));
        await KnownStore.FlagAsync(folder.Combine("data"), numbers["C"], "Messaggio vocale da ascoltare: nessuna trascrizione");
        await using var service = await ServiceTestHost.StartAsync(folder.Path, new { });
        var http = service.Http;

        (await Numbers(http, "api/tickets?review=true")).Should().Equal(numbers["C"]);
        var reviewed = await http.PostAsJsonAsync($"api/tickets/{numbers["C"]}/reviewed", new { reason = "ascoltato: richiamare", actor = "backoffice:anna" });

        reviewed.StatusCode.Should().Be(HttpStatusCode.OK);
        var ticket = JsonDocument.Parse(await reviewed.Content.ReadAsStringAsync()).RootElement.GetProperty("ticket");
        ticket.GetProperty("needsReview").GetBoolean().Should().BeFalse();
        var last = ticket.GetProperty("history")[ticket.GetProperty("history").GetArrayLength() - 1];
        last.GetProperty("kind").GetString().Should().Be("Reviewed");
        last.GetProperty("actor").GetString().Should().Be("backoffice:anna");
        last.GetProperty("detail").GetString().Should().Be("ascoltato: richiamare (flagged: Messaggio vocale da ascoltare: nessuna trascrizione)");
        (await Numbers(http, "api/tickets?review=true")).Should().BeEmpty();
        var again = await http.PostAsJsonAsync($"api/tickets/{numbers["C"]}/reviewed", new { });
        again.StatusCode.Should().Be(HttpStatusCode.Conflict);
        (await again.Content.ReadAsStringAsync()).Should().Contain("not flagged for review");
    }

    [Fact]
    public async Task ListWithoutALimit_ReturnsTheDefaultPage_AndSaysSo()
    {
        await KnownStore.AddManyAsync(folder.Combine("data"), 1001);
        await using var service = await ServiceTestHost.StartAsync(folder.Path, new { });

        var unlimited = await service.Http.GetAsync("api/tickets");
        var asked = await service.Http.GetAsync("api/tickets?limit=2000");

        JsonDocument.Parse(await unlimited.Content.ReadAsStringAsync()).RootElement.GetArrayLength().Should().Be(1000);
        unlimited.Headers.GetValues("X-Result-Limited").Should().Equal("1000");
        JsonDocument.Parse(await asked.Content.ReadAsStringAsync()).RootElement.GetArrayLength().Should().Be(1001);
        asked.Headers.Contains("X-Result-Limited").Should().BeFalse();
        asked.Headers.Contains(TicketListEndpoint.NextHeader).Should().BeFalse("a page shorter than its limit is the last");
        var first = await Numbers(service.Http, "api/tickets");
        var next = unlimited.Headers.GetValues(TicketListEndpoint.NextHeader).Single();
        next.Should().Be(first[^1]);
        var rest = await service.Http.GetAsync($"api/tickets?after={next}");
        var restNumbers = JsonDocument.Parse(await rest.Content.ReadAsStringAsync()).RootElement.EnumerateArray().Select(t => t.GetProperty("number").GetString()!).ToList();
        restNumbers.Should().ContainSingle();
        first.Should().NotContain(restNumbers[0]);
        rest.Headers.Contains(TicketListEndpoint.NextHeader).Should().BeFalse();
        (await Numbers(service.Http, $"api/tickets?receivedFrom={Uri.EscapeDataString(KnownStore.March2.AddMinutes(999).ToString("O"))}"))
            .Should().Equal([first[^1], restNumbers[0]], "the two received last");
        (await Numbers(service.Http, $"api/tickets?receivedBefore={Uri.EscapeDataString(KnownStore.March2.AddMinutes(2).ToString("O"))}")).Should().Equal(first[..2]);
        var document = JsonDocument.Parse(await service.Http.GetStringAsync("openapi/v1.json")).RootElement;
        document.GetProperty("paths").GetProperty("/api/tickets").GetProperty("get").GetProperty("parameters").EnumerateArray()
            .Select(p => p.GetProperty("name").GetString()).Should().Contain(["after", "receivedFrom", "receivedBefore", "limit"], "a client learns the paging from the document");
        var unknown = await service.Http.GetAsync("api/tickets?after=PC-2026-999999");
        unknown.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        unknown.Content.Headers.ContentType!.MediaType.Should().Be("application/problem+json");
        var problem = JsonDocument.Parse(await unknown.Content.ReadAsStringAsync()).RootElement;
        problem.GetProperty("type").GetString().Should().Be(ControlProblems.UnknownAfterType, "a client tells this refusal from the others by its type");
        problem.GetProperty("ticket").GetString().Should().Be("PC-2026-999999");
        problem.GetProperty("detail").GetString().Should().Be("after: no ticket PC-2026-999999");
        var unknownThroughService = await CliRun.RunAsync(null, "tickets", "list", "--after", "PC-2026-999999", "--config", service.Config);
        unknownThroughService.ExitCode.Should().Be(1, "the CLI knows the refusal by its type, as the store's own answer");
        unknownThroughService.Error.Should().Contain("--after: no ticket PC-2026-999999");

        var newest = await service.Http.GetAsync("api/tickets?order=newest&limit=2");
        var newestNumbers = JsonDocument.Parse(await newest.Content.ReadAsStringAsync()).RootElement.EnumerateArray().Select(t => t.GetProperty("number").GetString()!).ToList();
        newestNumbers.Should().Equal([restNumbers[0], first[^1]], "the latest arrivals first");
        var older = newest.Headers.GetValues(TicketListEndpoint.NextHeader).Single();
        (await Numbers(service.Http, $"api/tickets?order=newest&limit=2&after={older}")).Should().Equal([first[^2], first[^3]], "paging goes back in time");
        var badOrder = JsonDocument.Parse(await (await service.Http.GetAsync("api/tickets?order=random")).Content.ReadAsStringAsync()).RootElement;
        badOrder.GetProperty("type").GetString().Should().Be(ControlProblems.InvalidQueryType);
        var newestCli = await CliRun.RunAsync(null, "tickets", "list", "--newest", "--limit", "2", "--json", "--config", service.Config);
        newestCli.ExitCode.Should().Be(0, newestCli.Error);
        JsonDocument.Parse(newestCli.Output).RootElement.GetProperty("tickets").EnumerateArray().Select(t => t.GetProperty("number").GetString())
            .Should().Equal(newestNumbers, "the CLI asks the service for the same order");

        // The CLI through the service, a page of 400 at a time.
        var paged = new List<string>();
        string? after = null;
        do
        {
            var page = await CliRun.RunAsync(null, ["tickets", "list", "--limit", "400", "--json", "--config", service.Config, .. after is null ? Array.Empty<string>() : ["--after", after]]);
            page.ExitCode.Should().Be(0, page.Error);
            var json = JsonDocument.Parse(page.Output).RootElement;
            paged.AddRange(json.GetProperty("tickets").EnumerateArray().Select(t => t.GetProperty("number").GetString()!));
            after = json.GetProperty("next").GetString();
        }
        while (after is not null);

        paged.Should().Equal([.. first, .. restNumbers]);
        foreach (var limit in new[] { 0, -1 })
        {
            var refused = await service.Http.GetAsync($"api/tickets?limit={limit}");
            refused.StatusCode.Should().Be(System.Net.HttpStatusCode.BadRequest, "no store is asked for less than one ticket");
            var invalid = JsonDocument.Parse(await refused.Content.ReadAsStringAsync()).RootElement;
            invalid.GetProperty("type").GetString().Should().Be(ControlProblems.InvalidQueryType);
            invalid.GetProperty("detail").GetString().Should().Contain("limit");
        }

        var cli = await CliRun.RunAsync(null, "tickets", "list", "--limit", "0", "--config", JsonConfigFile.Write(folder.Path, new { Store = new { DataDirectory = folder.Combine("data") } }));
        cli.ExitCode.Should().Be(2, cli.Error);
        cli.Error.Should().Contain("--limit");
    }

    [Fact]
    public async Task ActsWithoutAJsonBody_AreRefused()
    {
        var numbers = await KnownStore.BuildAsync(folder.Combine("data"));
        await using var service = await ServiceTestHost.StartAsync(folder.Path, new { });

        // What a cross-site form could send: no preflight, so no JSON content type.
        using var form = new StringContent("reason=x", Encoding.UTF8, "text/plain");
        var response = await service.Http.PostAsync($"api/tickets/{numbers["C"]}/close", form);

        response.StatusCode.Should().Be(HttpStatusCode.UnsupportedMediaType);
        (await service.Http.GetFromJsonAsync<JsonElement>($"api/tickets/{numbers["C"]}")).GetProperty("status").GetString().Should().Be("Open");
    }

    [Fact]
    public async Task ModeStatsAndQuarantine_Answer()
    {
        await KnownStore.BuildAsync(folder.Combine("data"));
        await using var service = await ServiceTestHost.StartAsync(folder.Path, new { });
        var http = service.Http;

        var mode = await http.PostAsJsonAsync("api/mode", new { mode = "Emergency", actor = "backoffice:sala" });
        var changed = JsonDocument.Parse(await mode.Content.ReadAsStringAsync()).RootElement;
        changed.GetProperty("previous").GetString().Should().Be("Ordinary");
        changed.GetProperty("current").GetString().Should().Be("Emergency");
        (await http.GetFromJsonAsync<JsonElement>("api/mode")).GetProperty("current").GetString().Should().Be("Emergency");

        var stats = await http.GetFromJsonAsync<JsonElement>("api/stats?from=2026-03-01&to=2026-03-31");
        stats.GetProperty("total").GetProperty("received").GetInt32().Should().Be(3);
        (await http.GetAsync("api/stats?from=01-03-2026")).StatusCode.Should().Be(HttpStatusCode.BadRequest);

        (await http.GetFromJsonAsync<JsonElement>("api/quarantine")).GetArrayLength().Should().Be(0);
        (await http.GetAsync("api/quarantine/7")).StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await http.PostAsJsonAsync("api/quarantine/7/discard", new { reason = "x" })).StatusCode.Should().Be(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task RemoteStats_UnderACultureWithAnotherCalendar_AsksForTheGregorianPeriod()
    {
        await KnownStore.BuildAsync(folder.Combine("data"));
        await using var service = await ServiceTestHost.StartAsync(folder.Path, new { });
        var client = new HttpBackofficeClient(service.Http);
        var culture = CultureInfo.CurrentCulture;
        CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo("th-TH"); // a Thai operator's machine: Buddhist era, 2569
        try
        {
            var stats = await client.GetStatisticsAsync(new DateOnly(2026, 3, 1), new DateOnly(2026, 3, 31), default);

            stats.From.Should().Be(new DateOnly(2026, 3, 1));
            stats.Total.Received.Should().Be(3);
        }
        finally
        {
            CultureInfo.CurrentCulture = culture;
        }
    }

    private static async Task<List<string>> Numbers(HttpClient http, string url) =>
        [.. (await http.GetFromJsonAsync<JsonElement>(url)).EnumerateArray().Select(t => t.GetProperty("number").GetString()!)];
}
