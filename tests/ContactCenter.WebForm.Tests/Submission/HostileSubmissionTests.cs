using System.Net;
using System.Text;
using ContactCenter.Core.Storage;
using ContactCenter.Testing;
using ContactCenter.WebForm.Tests.TestSupport;

namespace ContactCenter.WebForm.Tests.Submission;

/// <summary>
/// Hostile submissions against the running service: each is refused with its reason (a plain page, counted in
/// /metrics), the form keeps serving afterwards, and nothing is written outside the data folder (form parts are
/// never spooled to the temp folder: ASPNETCORE_TEMP points at a folder that must stay empty).
/// </summary>
[Collection(MetricsCollection.Name)]
public sealed class HostileSubmissionTests : IAsyncLifetime
{
    private const string Rejected = "contactcenter_webform_rejected_total";
    private readonly TempDirectory aspnetTemp = new("cc-aspnet-temp");
    private WebFormHost host = null!;

    public async Task InitializeAsync()
    {
        Environment.SetEnvironmentVariable("ASPNETCORE_TEMP", aspnetTemp.Path);
        host = await WebFormHost.StartAsync();
    }

    public async Task DisposeAsync()
    {
        await host.DisposeAsync();
        aspnetTemp.Dispose();
    }

    [Fact]
    public async Task Submit_OversizedBody_RefusedWith413Page()
    {
        using var client = new FormClient(host.FormUrl, "203.0.113.1");
        var hidden = await client.OpenFormAsync();
        await Task.Delay(1200);
        var (response, body) = await client.PostAsync(hidden.Concat(FormClient.ValidFields()).ToDictionary(), expectContinue: true,
            ("grande.pdf", new byte[9 * 1024 * 1024]));

        response.StatusCode.Should().Be(HttpStatusCode.RequestEntityTooLarge);
        body.Should().Contain("Richiesta troppo grande").And.NotContain("Exception");
        (await MetricsScrape.WaitForCounterAsync(host.ControlUrl, Rejected, "reason", "too_large", 1)).Should().BeGreaterThanOrEqualTo(1);
        await AssertStillServingAsync();
    }

    [Fact]
    public async Task Submit_FiftyAttachments_RefusedNextToTheAttachmentsField()
    {
        using var client = new FormClient(host.FormUrl, "203.0.113.2");
        var files = Enumerable.Range(1, 50).Select(i => ($"pagina{i}.pdf", TestFiles.Pdf())).ToArray();
        var (response, body) = await client.SubmitAsync(FormClient.ValidFields(), files);

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        body.Should().Contain("Può allegare al massimo 5 file (ne ha scelti 50).").And.Contain("id=\"allegati-errore\"");
        body.Should().Contain("value=\"Mario\"", "what the citizen typed is kept");
        (await host.Store.QueryAsync(new TicketQuery(), CancellationToken.None)).Should().BeEmpty();
        (await MetricsScrape.WaitForCounterAsync(host.ControlUrl, Rejected, "reason", "validation", 1)).Should().BeGreaterThanOrEqualTo(1);
    }

    [Fact]
    public async Task Submit_ExecutableRenamedPdf_RefusedWithItsReason()
    {
        using var client = new FormClient(host.FormUrl, "203.0.113.3");
        var (response, body) = await client.SubmitAsync(FormClient.ValidFields(), ("fattura.pdf", TestFiles.Executable()));

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        body.Should().Contain("Il file «fattura.pdf» non è un vero file PDF: il contenuto non corrisponde all&#39;estensione.");
        (await host.Store.QueryAsync(new TicketQuery(), CancellationToken.None)).Should().BeEmpty();
    }

    [Fact]
    public async Task Submit_ScriptInEveryField_EscapedOnThePageAndStoredAsPlainText()
    {
        const string script = "<script>alert('x')</script>";
        using var client = new FormClient(host.FormUrl, "203.0.113.4");
        var hostile = FormClient.ValidFields().ToDictionary(f => f.Key, f => f.Key is "consenso" ? "si" : f.Value + script);
        var (refused, refusedBody) = await client.SubmitAsync(hostile);
        refused.StatusCode.Should().Be(HttpStatusCode.BadRequest, "a script makes the e-mail, phone, topic and codice fiscale invalid");
        refusedBody.Should().NotContain(script).And.Contain("Mario&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;");

        // Where any text is allowed (names, subject, text) the script is just text in the ticket.
        var allowed = FormClient.ValidFields();
        foreach (var field in new[] { "nome", "cognome", "oggetto", "testo" })
        {
            allowed[field] += script;
        }

        var (stored, storedBody) = await client.SubmitAsync(allowed);
        stored.StatusCode.Should().Be(HttpStatusCode.OK, storedBody);
        storedBody.Should().NotContain("<script");
        var ticket = await host.Store.GetAsync(FormClient.TicketNumber(storedBody)!, CancellationToken.None);
        ticket!.TextBody.Should().EndWith(script);
        ticket.HtmlBody.Should().BeNull();
        ticket.Subject.Should().EndWith(script);
    }

    [Fact]
    public async Task Submit_WithoutCsrfToken_Refused()
    {
        using var client = new FormClient(host.FormUrl, "203.0.113.5");
        var hidden = await client.OpenFormAsync();
        await Task.Delay(1200);
        var withoutCsrf = hidden.Where(h => h.Key != "__RequestVerificationToken").Concat(FormClient.ValidFields()).ToDictionary();
        var (response, body) = await client.PostAsync(withoutCsrf);

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        body.Should().Contain("Modulo non valido");
        (await host.Store.QueryAsync(new TicketQuery(), CancellationToken.None)).Should().BeEmpty();
        (await MetricsScrape.WaitForCounterAsync(host.ControlUrl, Rejected, "reason", "csrf", 1)).Should().BeGreaterThanOrEqualTo(1);
    }

    [Fact]
    public async Task Submit_HoneypotFilledOrTooFast_Refused()
    {
        using var client = new FormClient(host.FormUrl, "203.0.113.6");
        var robot = FormClient.ValidFields();
        robot["sito_web"] = "http://spam.example";
        var (honeypot, _) = await client.SubmitAsync(robot);
        honeypot.StatusCode.Should().Be(HttpStatusCode.BadRequest);

        var hidden = await client.OpenFormAsync();
        var (tooFast, body) = await client.PostAsync(hidden.Concat(FormClient.ValidFields()).ToDictionary());
        tooFast.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        body.Should().Contain("troppo in fretta").And.Contain("value=\"Rossi\"");
        (await host.Store.QueryAsync(new TicketQuery(), CancellationToken.None)).Should().BeEmpty();
        (await MetricsScrape.WaitForCounterAsync(host.ControlUrl, Rejected, "reason", "honeypot", 1)).Should().BeGreaterThanOrEqualTo(1);
        (await MetricsScrape.WaitForCounterAsync(host.ControlUrl, Rejected, "reason", "too_fast", 1)).Should().BeGreaterThanOrEqualTo(1);
    }

    [Fact]
    public async Task Submit_HundredPostsAMinuteFromOneAddress_RateLimitedAndOthersStillServed()
    {
        using var flood = new FormClient(host.FormUrl, "198.51.100.7");
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 100; i++)
        {
            var (response, _) = await flood.PostAsync(new Dictionary<string, string> { ["nome"] = "bot" });
            statuses.Add(response.StatusCode);
        }

        statuses.Count(s => s == HttpStatusCode.TooManyRequests).Should().Be(50, "the test host allows 50 submissions per address in 10 minutes");
        var (limited, page) = await flood.PostAsync(new Dictionary<string, string>());
        limited.Headers.RetryAfter.Should().NotBeNull();
        page.Should().Contain("Troppe richieste");
        (await MetricsScrape.WaitForCounterAsync(host.ControlUrl, Rejected, "reason", "rate_limit", 51)).Should().BeGreaterThanOrEqualTo(51);

        using var citizen = new FormClient(host.FormUrl, "198.51.100.8");
        var (ok, body) = await citizen.SubmitAsync(FormClient.ValidFields("anna.bianchi@example.it"));
        ok.StatusCode.Should().Be(HttpStatusCode.OK, body);
        FormClient.TicketNumber(body).Should().NotBeNull();
    }

    [Fact]
    public async Task HostileSubmissions_WriteNothingOutsideTheDataFolder()
    {
        var before = Snapshot(host.Folder.Path);
        using var client = new FormClient(host.FormUrl, "203.0.113.9");
        await client.SubmitAsync(FormClient.ValidFields(), ("../../../../tmp/evil.pdf", TestFiles.Pdf()), ("fattura.pdf", TestFiles.Executable()));
        await client.SubmitAsync(FormClient.ValidFields(), ("..\\..\\evil.pdf", TestFiles.Pdf()));
        await client.SubmitAsync(FormClient.ValidFields(), ("grande.pdf", Encoding.ASCII.GetBytes("%PDF-1.4\n" + new string('x', 1_500_000))));

        var changed = Snapshot(host.Folder.Path).Except(before).ToList();
        changed.Should().NotBeEmpty().And.OnlyContain(p => p.StartsWith("data" + Path.DirectorySeparatorChar, StringComparison.Ordinal));
        Directory.EnumerateFileSystemEntries(aspnetTemp.Path).Should().BeEmpty("form parts are held in memory, never spooled to the temp folder");
        File.Exists("/tmp/evil.pdf").Should().BeFalse();
        await AssertStillServingAsync();
    }

    [Fact]
    public async Task Api_NullAttachment_RefusedAs400_NotAServerError()
    {
        using var http = new HttpClient { BaseAddress = host.FormUrl };
        http.DefaultRequestHeaders.Add("X-Forwarded-For", "203.0.113.10");
        using var message = new HttpRequestMessage(HttpMethod.Post, "api/richieste")
        {
            Content = new StringContent("{\"allegati\":[null]}", Encoding.UTF8, "application/json"),
        };
        message.Headers.Add("Idempotency-Key", "sito-comune-0000000099");

        using var response = await http.SendAsync(message);

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Tracking_HundredFieldsOrAHugeBody_RefusedAs400_NotAServerError()
    {
        using var client = new FormClient(host.FormUrl, "203.0.113.11");
        var fields = Enumerable.Range(0, 100).ToDictionary(i => $"f{i}", i => "x");

        using var many = await client.Http.PostAsync("segui", new FormUrlEncodedContent(fields));
        using var huge = await client.Http.PostAsync("segui", new FormUrlEncodedContent(new Dictionary<string, string> { ["numero"] = new string('9', 100_000) }));
        // Within every form limit (40 fields of 1 KB) but no lookup: over the 16 KB a lookup may send.
        using var large = await client.Http.PostAsync("segui", new FormUrlEncodedContent(Enumerable.Range(0, 40).ToDictionary(i => $"f{i}", _ => new string('x', 1024))));

        many.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await many.Content.ReadAsStringAsync()).Should().Contain("name=\"numero\"", "the lookup form again");
        huge.StatusCode.Should().Be(HttpStatusCode.BadRequest, "a lookup is two short fields");
        large.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        await AssertStillServingAsync();
    }

    private async Task AssertStillServingAsync()
    {
        using var client = new FormClient(host.FormUrl, "192.0.2.200");
        var hidden = await client.OpenFormAsync();
        hidden.Should().ContainKey("token");
    }

    private static HashSet<string> Snapshot(string root) =>
        Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(root, f) + "|" + new FileInfo(f).Length)
            .ToHashSet();
}
