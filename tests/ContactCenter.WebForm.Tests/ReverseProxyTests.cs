using System.Net;
using ContactCenter.WebForm.Tests.TestSupport;

namespace ContactCenter.WebForm.Tests;

/// <summary>Behind the site's reverse proxy: the path base in every link, X-Forwarded-For believed only from configured proxies.</summary>
public sealed class ReverseProxyTests : IAsyncLifetime
{
    private WebFormHost host = null!;

    public async Task InitializeAsync()
    {
        var settings = WebFormHost.Settings(submitPermits: 2);
        settings["PathBase"] = "/modulo";
        settings["KnownProxies"] = Array.Empty<string>();
        host = await WebFormHost.StartAsync(settings);
    }

    public async Task DisposeAsync() => await host.DisposeAsync();

    [Fact]
    public async Task Form_UnderPathBase_LinksCarryIt()
    {
        using var http = new HttpClient { BaseAddress = host.FormUrl };
        var html = await http.GetStringAsync("modulo/");

        html.Should().Contain("action=\"/modulo/\"").And.Contain("href=\"/modulo/modulo.css\"").And.Contain("href=\"/modulo/segui\"");
        (await http.GetAsync("modulo/modulo.css")).StatusCode.Should().Be(HttpStatusCode.OK);
        var missing = await http.GetAsync("modulo/non-esiste");
        missing.StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await missing.Content.ReadAsStringAsync()).Should().Contain("Pagina non trovata");
    }

    [Fact]
    public async Task RateLimit_ForwardedForFromAnUnknownProxy_Ignored()
    {
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 3; i++)
        {
            // Each request claims another client; the connection is from 127.0.0.1, which is no configured proxy.
            using var client = new HttpClient { BaseAddress = host.FormUrl };
            client.DefaultRequestHeaders.Add("X-Forwarded-For", $"198.51.100.{i + 1}");
            statuses.Add((await client.PostAsync("modulo/", new FormUrlEncodedContent(new Dictionary<string, string>()))).StatusCode);
        }

        statuses.Should().Equal(HttpStatusCode.BadRequest, HttpStatusCode.BadRequest, HttpStatusCode.TooManyRequests);
    }
}
