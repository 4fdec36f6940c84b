using System.Net;
using System.Text.RegularExpressions;
using ContactCenter.Core.Storage;
using ContactCenter.Testing.PostgreSql;
using ContactCenter.WebForm.Tests.TestSupport;
using Microsoft.Extensions.DependencyInjection;

namespace ContactCenter.WebForm.Tests.Cluster;

/// <summary>
/// Two nodes on one PostgreSQL database behind one load balancer: a citizen's next request may reach either, so the
/// form served by one must be accepted by the other, and the link in a receipt, whichever node sent it, must open on both.
/// </summary>
[Collection(PostgresFixture.Collection)]
public sealed partial class TwoNodeFormTests(PostgresFixture postgres) : IAsyncLifetime
{
    private WebFormHost a = null!;
    private WebFormHost b = null!;
    private string database = null!;

    public async Task InitializeAsync()
    {
        database = await postgres.Server.CreateDatabaseAsync();
        // The nodes share a secrets key, as a cluster should: the key ring and the tracking secret rest sealed.
        var keyVariable = TestSecretsKey.Create().Variable;
        object Store(string node, Testing.TempDirectory folder) => new
        {
            Provider = "PostgreSql",
            DataDirectory = folder.Combine("data"),
            PostgreSql = new { ConnectionString = database, NodeName = node, SecretsKeyEnvironmentVariable = keyVariable },
        };

        // Started together, as systemd starts a cluster's nodes after an upgrade: neither finds a key the other made.
        var started = await Task.WhenAll(
            WebFormHost.StartAsync(store: folder => Store("a", folder)),
            WebFormHost.StartAsync(store: folder => Store("b", folder)));
        (a, b) = (started[0], started[1]);
    }

    public async Task DisposeAsync()
    {
        await a.DisposeAsync();
        await b.DisposeAsync();
    }

    [Fact]
    public void Start_TwoNodesTogether_OneKeyBetweenThem()
    {
        // Each would have made its own had both found the ring empty, and refused the other's forms until its next reload.
        var ring = a.Services.GetRequiredService<ISharedKeyStore>().List("dataprotection/");
        ring.Should().ContainSingle();
        b.Services.GetRequiredService<ISharedKeyStore>().List("dataprotection/").Should().Equal(ring);
        ring[0].Should().Contain("<key ", "read back in the clear");
        using var connection = new Npgsql.NpgsqlConnection(database);
        connection.Open();
        using var command = new Npgsql.NpgsqlCommand("SELECT value FROM shared_keys WHERE starts_with(name, 'dataprotection/')", connection);
        ((string)command.ExecuteScalar()!).Should().StartWith("aes256gcm:", "the ring rests sealed with the nodes' secrets key");
    }

    [Fact]
    public async Task Submit_FormServedByOneNode_SentToTheOther_OneTicket()
    {
        for (var i = 0; i < 2; i++)
        {
            var (from, to) = i == 0 ? (a, b) : (b, a);
            using var citizen = new FormClient(from.FormUrl, $"192.0.2.{60 + i}");
            var hidden = await citizen.OpenFormAsync();
            await Task.Delay(TimeSpan.FromSeconds(1.2));

            // The same browser (its antiforgery cookie) posting to the other node, as the balancer may send it.
            using var post = new HttpRequestMessage(HttpMethod.Post, to.FormUrl) { Content = FormClient.Multipart(hidden.Concat(FormClient.ValidFields($"nodo{i}@example.it")).ToDictionary()) };
            using var response = await citizen.Http.SendAsync(post);
            var body = await response.Content.ReadAsStringAsync();

            response.StatusCode.Should().Be(HttpStatusCode.OK, "a form served by one node is accepted by the other: {0}", body);
            var number = FormClient.TicketNumber(body);
            number.Should().NotBeNull();
            (await from.Store.GetAsync(number!, default)).Should().NotBeNull("the ticket is in the shared store");
        }
    }

    [Fact]
    public async Task TrackingLink_InTheReceipt_OpensOnEitherNode()
    {
        using var citizen = new FormClient(a.FormUrl, "192.0.2.70");
        var (_, body) = await citizen.SubmitAsync(FormClient.ValidFields("traccia@example.it"));
        var number = FormClient.TicketNumber(body)!;

        // Whichever node's outbox job sends it.
        var receipt = await Task.WhenAny(a.WaitForReceiptAsync("traccia@example.it", TimeSpan.FromSeconds(60)), b.WaitForReceiptAsync("traccia@example.it", TimeSpan.FromSeconds(60)));
        var link = TrackingLink().Match((await receipt).Message.TextBody ?? "");
        link.Success.Should().BeTrue("the receipt carries the tracking link");
        link.Groups["number"].Value.Should().Be(number);

        foreach (var node in new[] { a, b })
        {
            var page = await citizen.Http.GetStringAsync(new Uri(node.FormUrl, $"segui/{link.Groups["number"].Value}?t={link.Groups["token"].Value}"));
            page.Should().Contain("id=\"stato\"", "the link opens the request's state on {0}", node.FormUrl);
        }
    }

    [GeneratedRegex(@"/segui/(?<number>[A-Z0-9-]+)\?t=(?<token>[A-Za-z0-9_-]+)")]
    private static partial Regex TrackingLink();
}
