using System.Net;
using ContactCenter.Testing.PostgreSql;
using ContactCenter.WebForm.Tests.TestSupport;

namespace ContactCenter.WebForm.Tests.Cluster;

/// <summary>
/// Two nodes on one PostgreSQL database behind one load balancer: a client's requests count against one allowance
/// whichever node they reach, where each node counting alone allowed them as many times again.
/// </summary>
[Collection(PostgresFixture.Collection)]
public sealed class ClusterRateLimitTests(PostgresFixture postgres) : IAsyncLifetime
{
    private const int Permits = 3;
    private WebFormHost a = null!;
    private WebFormHost b = null!;

    public async Task InitializeAsync()
    {
        var database = await postgres.Server.CreateDatabaseAsync();
        var settings = WebFormHost.Settings();
        settings["TrackingPermitLimit"] = Permits;
        var started = await Task.WhenAll(
            WebFormHost.StartAsync(settings, folder => Store("a", folder, database)),
            WebFormHost.StartAsync(settings, folder => Store("b", folder, database)));
        (a, b) = (started[0], started[1]);

        // Not in the last seconds of a window (10 minutes by default), where the requests would be counted in two.
        await ClockWindows.WithRoomAsync(TimeSpan.FromMinutes(10), TimeSpan.FromSeconds(30));
    }

    public async Task DisposeAsync()
    {
        await a.DisposeAsync();
        await b.DisposeAsync();
    }

    [Fact]
    public async Task TrackingLookUps_AlternatingNodes_OneAllowanceForTheCluster_AnotherClientHasItsOwn()
    {
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < Permits + 2; i++)
        {
            statuses.Add(await LookUpAsync(i % 2 == 0 ? a : b, "192.0.2.80"));
        }

        statuses.Take(Permits).Should().NotContain(HttpStatusCode.TooManyRequests);
        statuses.Skip(Permits).Should().AllBeEquivalentTo(HttpStatusCode.TooManyRequests,
            "look-ups past {0} in all are refused, though neither node alone had been sent more than {0}", Permits);
        (await LookUpAsync(b, "192.0.2.81")).Should().NotBe(HttpStatusCode.TooManyRequests, "another client");
    }

    [Fact]
    public async Task TrackingLookUp_RefusedByTheCluster_SaysWhenToRetry()
    {
        for (var i = 0; i < Permits; i++)
        {
            await LookUpAsync(a, "192.0.2.82");
        }

        using var client = Client(b, "192.0.2.82");
        using var refused = await client.GetAsync("segui/PC-2026-000001?t=x");

        refused.StatusCode.Should().Be(HttpStatusCode.TooManyRequests);
        refused.Headers.RetryAfter!.Delta!.Value.Should().BePositive().And.BeLessThanOrEqualTo(TimeSpan.FromMinutes(10));
        (await refused.Content.ReadAsStringAsync()).Should().Contain("Troppe richieste");
    }

    private static object Store(string node, Testing.TempDirectory folder, string database) => new
    {
        Provider = "PostgreSql",
        DataDirectory = folder.Combine("data"),
        PostgreSql = new { ConnectionString = database, NodeName = node },
    };

    private static async Task<HttpStatusCode> LookUpAsync(WebFormHost node, string address)
    {
        using var client = Client(node, address);
        using var response = await client.GetAsync("segui/PC-2026-000001?t=x");
        return response.StatusCode;
    }

    private static HttpClient Client(WebFormHost node, string address)
    {
        var client = new HttpClient { BaseAddress = node.FormUrl };
        client.DefaultRequestHeaders.Add("X-Forwarded-For", address);
        return client;
    }
}
