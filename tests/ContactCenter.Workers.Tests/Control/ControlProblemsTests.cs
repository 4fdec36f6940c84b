using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ContactCenter.Testing;
using ContactCenter.Workers.Control;
using ContactCenter.Workers.Tests.TestSupport;

namespace ContactCenter.Workers.Tests.Control;

/// <summary>
/// The control API's errors over the network listener: problem details (RFC 9457) a backoffice application tells apart by
/// type, and an unexpected failure that names no host, path or account to a caller on the network.
/// </summary>
[Collection(MetricsCollection.Name)]
[Trait(RunAlone.Trait, RunAlone.Value)]
public sealed class ControlProblemsTests : IDisposable
{
    private readonly TempDirectory folder = new("cc-control-problems");
    private readonly string readerKey = ApiKeyHash.NewKey();

    public void Dispose() => folder.Dispose();

    [Fact]
    public async Task Refusals_AreProblems_TypedForTheCaller()
    {
        var numbers = await Cli.KnownStore.BuildAsync(folder.Combine("data"));
        await using var service = await SecuredServiceHost.StartAsync(folder, Keys());
        using var anonymous = service.Remote();
        using var reader = service.Remote(readerKey);

        var noKey = await ProblemAsync(await anonymous.GetAsync("api/tickets"), HttpStatusCode.Unauthorized);
        var tooLow = await ProblemAsync(await reader.PostAsJsonAsync($"api/tickets/{numbers["B"]}/close", new { reason = "x" }), HttpStatusCode.Forbidden);
        var badDate = await ProblemAsync(await reader.GetAsync("api/stats?from=01-03-2026"), HttpStatusCode.BadRequest);
        var noTicket = await ProblemAsync(await reader.GetAsync("api/tickets/PC-2026-999999"), HttpStatusCode.NotFound);

        noKey.GetProperty("type").GetString().Should().Be(ControlProblems.KeyRequiredType);
        noKey.GetProperty("detail").GetString().Should().Contain("X-Api-Key");
        tooLow.GetProperty("type").GetString().Should().Be(ControlProblems.RoleTooLowType);
        tooLow.GetProperty("detail").GetString().Should().Contain("reader").And.NotContain(readerKey, "the key's name, never the key");
        badDate.GetProperty("type").GetString().Should().Be(ControlProblems.InvalidQueryType);
        badDate.GetProperty("detail").GetString().Should().Contain("2026-01-31");
        noTicket.GetProperty("status").GetInt32().Should().Be(404, "a refusal with no body of its own still answers as a problem");
        var document = await anonymous.GetStringAsync("openapi/v1.json");
        JsonDocument.Parse(document).RootElement.GetProperty("paths").GetProperty("/api/tickets").GetProperty("get").GetProperty("responses")
            .GetProperty("400").GetProperty("content").TryGetProperty("application/problem+json", out _).Should().BeTrue("the document says how a refusal reads");
    }

    [Fact]
    public async Task UnexpectedError_OnTheNetwork_NamesTheLogNotTheCause_TheLoopbackSeesTheCause()
    {
        await AttachmentMail.IngestOnceAsync(folder);
        await using var service = await SecuredServiceHost.StartAsync(folder, Keys());
        using var reader = service.Remote(readerKey);
        var (damage, _) = await ArchivedFileEndpointsTests.TicketsAsync(reader);
        var sha = ArchivedFileEndpointsTests.Attachments(damage)["foto danni.jpg"];
        var url = ArchivedFileEndpointsTests.Url(damage.GetProperty("number").GetString()!, sha);
        // A folder where the archive expects the photo's original (it is read from there): opening it fails with an
        // error that names the archive's path.
        var original = damage.GetProperty("messages")[0].GetProperty("original").GetProperty("sha256").GetString()!;
        var blob = folder.Combine("data", "archive", original[..2], original[2..4], original);
        File.Delete(blob);
        Directory.CreateDirectory(blob);

        var remote = await ProblemAsync(await reader.GetAsync(url), HttpStatusCode.InternalServerError);
        using var local = new HttpClient { BaseAddress = service.Loopback.BaseAddress };
        local.DefaultRequestHeaders.Add(ApiKeyAuthenticationHandler.HeaderName, File.ReadAllText(Path.Combine(service.DataDirectory, "control.key")));
        var loopback = await ProblemAsync(await local.GetAsync(url), HttpStatusCode.InternalServerError);

        remote.GetProperty("type").GetString().Should().Be(ControlProblems.ServiceErrorType);
        remote.GetProperty("detail").GetString().Should().Contain("event 1907").And.NotContain(folder.Path, "a caller on the network learns no path");
        loopback.GetProperty("detail").GetString().Should().Contain(blob, "the admin on this machine reads the cause");
        var request = System.Text.RegularExpressions.Regex.Match(remote.GetProperty("detail").GetString()!, @"request (\S+)\)").Groups[1].Value;
        service.Logs.Entries.Where(e => e.EventId == 1907).Should().HaveCount(2)
            .And.ContainSingle(e => e.Message.Contains($"(request {request})"), "the request the caller was told is the log line to read");
    }

    private static async Task<JsonElement> ProblemAsync(HttpResponseMessage response, HttpStatusCode status)
    {
        using (response)
        {
            response.StatusCode.Should().Be(status);
            response.Content.Headers.ContentType!.MediaType.Should().Be("application/problem+json");
            return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();
        }
    }

    private Dictionary<string, (string Role, string Hash)> Keys() => new() { ["reader"] = ("Reader", ApiKeyHash.Of(readerKey)) };
}
