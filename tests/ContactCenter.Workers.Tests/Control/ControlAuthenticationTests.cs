using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using ContactCenter.Testing;
using ContactCenter.Workers.Control;
using ContactCenter.Workers.Tests.Cli;
using ContactCenter.Workers.Tests.TestSupport;
using Microsoft.Extensions.Options;

namespace ContactCenter.Workers.Tests.Control;

/// <summary>
/// The control API opened to the network: real HTTPS with a test certificate, a key per role (the operator's made by
/// <c>contactcenter apikey new</c>), 401 without or with a wrong key, 403 for a role too low, and no key in any log line.
/// </summary>
[Collection(MetricsCollection.Name)]
[Trait(RunAlone.Trait, RunAlone.Value)]
public sealed partial class ControlAuthenticationTests : IDisposable
{
    private readonly TempDirectory folder = new("cc-control-auth");
    private readonly string readerKey = ApiKeyHash.NewKey();
    private readonly string adminKey = ApiKeyHash.NewKey();

    public void Dispose() => folder.Dispose();

    [Fact]
    public async Task RemoteListener_EachRoleGetsWhatItsRoleAllows_RefusalsAreLoggedWithoutTheKey()
    {
        var numbers = await KnownStore.BuildAsync(folder.Combine("data"));
        var (operatorKey, operatorHash) = await NewKeyFromTheCliAsync("operator", "crm");
        await using var service = await SecuredServiceHost.StartAsync(folder, Keys(("crm", "Operator", operatorHash)));

        using (var untrusting = new HttpClient { BaseAddress = service.RemoteBase })
        {
            var act = () => untrusting.GetAsync("api/ping");
            (await act.Should().ThrowAsync<HttpRequestException>()).Which.InnerException.Should().BeAssignableTo<System.Security.Authentication.AuthenticationException>(
                "the listener speaks TLS with its own certificate, which a default client does not trust");
        }

        using var anonymous = service.Remote();
        using var health = await anonymous.GetAsync("health");
        health.StatusCode.Should().Be(HttpStatusCode.OK);
        var verdict = JsonDocument.Parse(await health.Content.ReadAsStringAsync()).RootElement;
        verdict.EnumerateObject().Select(p => p.Name).Should().Equal(["status", "at"], "the reasons name hosts, accounts and folders: keyed callers only");
        var ping = JsonDocument.Parse(await anonymous.GetStringAsync("api/ping")).RootElement;
        ping.EnumerateObject().Select(p => p.Name).Should().Equal(["service"], "the store's path and the process are for the CLI on this machine");
        var openApi = await anonymous.GetStringAsync("openapi/v1.json");
        openApi.Should().Contain("/api/tickets/{number}").And.Contain("/api/quarantine/{id}/discard").And.Contain("\"bearer\"");
        using var noKey = await anonymous.GetAsync("api/tickets");
        noKey.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        noKey.Headers.WwwAuthenticate.ToString().Should().Be("Bearer");
        (await anonymous.GetAsync("metrics")).StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        using var wrong = service.Remote("cc_not-a-key-of-ours");
        (await wrong.GetAsync("api/tickets")).StatusCode.Should().Be(HttpStatusCode.Unauthorized);

        using var reader = service.Remote(readerKey);
        (await reader.GetFromJsonAsync<JsonElement>("health")).TryGetProperty("channels", out _).Should().BeTrue();
        (await reader.GetFromJsonAsync<JsonElement>("api/ping")).TryGetProperty("storePath", out _).Should().BeTrue();
        (await reader.GetFromJsonAsync<JsonElement>("api/tickets")).GetArrayLength().Should().Be(4);
        (await reader.GetAsync("api/stats?from=2026-03-01&to=2026-03-31")).StatusCode.Should().Be(HttpStatusCode.OK);
        (await reader.GetStringAsync("metrics")).Should().Contain("contactcenter_quarantine_pending");
        (await reader.PostAsJsonAsync($"api/tickets/{numbers["B"]}/close", new { reason = "x" })).StatusCode.Should().Be(HttpStatusCode.Forbidden);
        (await reader.PostAsJsonAsync("api/quarantine/1/discard", new { reason = "x" })).StatusCode.Should().Be(HttpStatusCode.Forbidden);

        using var @operator = service.Remote(operatorKey, asHeader: true);
        var close = await @operator.PostAsJsonAsync($"api/tickets/{numbers["B"]}/close", new { reason = "risposto", actor = "backoffice:anna" });
        close.StatusCode.Should().Be(HttpStatusCode.OK);
        var history = JsonDocument.Parse(await close.Content.ReadAsStringAsync()).RootElement.GetProperty("ticket").GetProperty("history");
        history[history.GetArrayLength() - 1].GetProperty("actor").GetString().Should().Be("backoffice:anna (key crm)");
        (await @operator.PostAsJsonAsync("api/quarantine/7/discard", new { reason = "x" })).StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await @operator.PostAsJsonAsync("api/mode", new { mode = "Emergency" })).StatusCode.Should().Be(HttpStatusCode.Forbidden);

        using var admin = service.Remote(adminKey);
        var mode = await admin.PostAsJsonAsync("api/mode", new { mode = "Emergency", actor = "sala" });
        mode.StatusCode.Should().Be(HttpStatusCode.OK);
        (await reader.GetFromJsonAsync<JsonElement>("api/mode")).GetProperty("current").GetString().Should().Be("Emergency");

        var lines = service.Logs.Entries.ToList();
        lines.Should().Contain(l => l.EventId == 2470 && l.Message.Contains("GET /api/tickets") && l.Message.Contains("no API key"));
        lines.Should().Contain(l => l.EventId == 2470 && l.Message.Contains("unknown API key"));
        lines.Should().Contain(l => l.EventId == 2471 && l.Message.Contains("key 'reader' has role reader"));
        lines.Should().Contain(l => l.EventId == 2471 && l.Message.Contains("key 'crm' has role operator"));
        var localKey = File.ReadAllText(Path.Combine(service.DataDirectory, "control.key"));
        foreach (var key in new[] { readerKey, operatorKey, adminKey, localKey, "cc_not-a-key-of-ours" })
        {
            lines.Should().NotContain(l => l.Message.Contains(key), "a key is never logged");
        }
    }

    [Fact]
    public async Task LoopbackListener_WithKeysOn_NeedsAKey_AndTheCliUsesTheServicesLocalKey()
    {
        var numbers = await KnownStore.BuildAsync(folder.Combine("data"));
        await using var service = await SecuredServiceHost.StartAsync(folder, Keys());

        (await service.Loopback.GetAsync("api/tickets")).StatusCode.Should().Be(HttpStatusCode.Unauthorized, "keys are on: loopback needs one too");
        var keyFile = Path.Combine(service.DataDirectory, "control.key");
        if (!OperatingSystem.IsWindows())
        {
            File.GetUnixFileMode(keyFile).Should().Be(UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }

        using (var remoteWithLocalKey = service.Remote(File.ReadAllText(keyFile)))
        {
            (await remoteWithLocalKey.GetAsync("api/tickets")).StatusCode.Should().Be(HttpStatusCode.Unauthorized, "the local key counts on loopback only");
        }

        var close = await CliRun.RunAsync(null, "tickets", "close", numbers["C"], "--reason", "risposto", "--config", service.Config);
        close.ExitCode.Should().Be(0, close.Error);
        var list = await CliRun.RunAsync(null, "tickets", "list", "--json", "--config", service.Config);
        list.ExitCode.Should().Be(0, list.Error);
        list.Output.Should().Contain(numbers["C"]);
        using var reader = service.Remote(readerKey);
        (await reader.GetFromJsonAsync<JsonElement>("health")).TryGetProperty("channels", out _).Should().BeTrue();
        (await reader.GetFromJsonAsync<JsonElement>($"api/tickets/{numbers["C"]}")).GetProperty("status").GetString().Should().Be("Closed");

        File.Delete(keyFile);
        var refused = await CliRun.RunAsync(null, "tickets", "list", "--config", service.Config);
        refused.ExitCode.Should().NotBe(0);
        refused.Error.Should().Contain("401").And.Contain("control.key");
    }

    [Theory]
    [InlineData("NoKeys", "ContactCenter:Control:ApiKeys: at least one key is required")]
    [InlineData("BadCertificatePassword", "ContactCenter:Control:Certificate: cannot load")]
    public async Task OpeningToTheNetwork_WithoutKeysOrAUsableCertificate_FailsAtStartNamingTheKey(string flaw, string message)
    {
        var keys = flaw == "NoKeys" ? new Dictionary<string, (string, string)>() : Keys();
        var config = SecuredServiceHost.WriteConfig(folder, keys, out _, out _, out _);
        if (flaw == "BadCertificatePassword")
        {
            File.WriteAllText(folder.Combine("control.pfx.password"), "wrong");
        }

        using var host = SecuredServiceHost.Build(config, new ListLoggerProvider());
        var act = () => host.StartAsync();

        (await act.Should().ThrowAsync<OptionsValidationException>()).Which.Message.Should().Contain(message);
    }

    [Fact]
    public async Task ApiKeyNew_PrintsAKeyOnce_AndTheHashEntryThatMatchesIt()
    {
        var (key, hash) = await NewKeyFromTheCliAsync("admin", "sala");

        key.Should().StartWith("cc_").And.HaveLength(3 + 43);
        hash.Should().Be(ApiKeyHash.Of(key));
        (await NewKeyFromTheCliAsync("admin", "sala")).Key.Should().NotBe(key);
    }

    [Fact]
    public async Task StoreSnapshot_IsForAdminsOnly_AndIsTheStoreAsItStands()
    {
        await KnownStore.BuildAsync(folder.Combine("data"));
        await using var service = await SecuredServiceHost.StartAsync(folder, Keys());
        using var reader = service.Remote(readerKey);
        using var admin = service.Remote(adminKey);

        (await reader.GetAsync("api/store/snapshot")).StatusCode.Should().Be(HttpStatusCode.Forbidden, "a snapshot is every ticket at once");
        var copy = folder.Combine("snapshot.db");
        await File.WriteAllBytesAsync(copy, await admin.GetByteArrayAsync("api/store/snapshot"));

        using (var db = new LiteDB.LiteDatabase(new LiteDB.ConnectionString { Filename = copy, ReadOnly = true }))
        {
            db.GetCollection("tickets").Count().Should().Be(4);
        }

        service.Logs.Entries.Should().Contain(e => e.EventId == 1909 && e.Message.Contains("admin"));
        // Deleted when the server disposes the response, which may come just after the client has read the last byte.
        await Polling.UntilAsync(() => Directory.GetFiles(folder.Combine("data"), ".snapshot-*").Length == 0, TimeSpan.FromSeconds(10),
            () => "the service's temporary copy is deleted once sent: " + string.Join(", ", Directory.GetFiles(folder.Combine("data"), ".snapshot-*")));
    }

    private Dictionary<string, (string Role, string Hash)> Keys(params (string Name, string Role, string Hash)[] more)
    {
        var keys = new Dictionary<string, (string, string)> { ["reader"] = ("Reader", ApiKeyHash.Of(readerKey)), ["admin"] = ("Admin", ApiKeyHash.Of(adminKey)) };
        foreach (var (name, role, hash) in more)
        {
            keys[name] = (role, hash);
        }

        return keys;
    }

    private static async Task<(string Key, string Hash)> NewKeyFromTheCliAsync(string role, string name)
    {
        var result = await CliRun.RunAsync(null, "apikey", "new", "--role", role, "--name", name);
        result.ExitCode.Should().Be(0, result.Error);
        var key = KeyLine().Match(result.Output).Groups[1].Value;
        var entry = JsonDocument.Parse("{" + result.Output.Split('\n').Single(l => l.Contains("\"Hash\"")).Trim() + "}").RootElement.GetProperty(name);
        entry.GetProperty("Role").GetString()!.ToLowerInvariant().Should().Be(role);
        return (key, entry.GetProperty("Hash").GetString()!);
    }

    [GeneratedRegex(@"^  (cc_\S+)$", RegexOptions.Multiline)]
    private static partial Regex KeyLine();
}
