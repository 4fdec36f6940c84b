using ContactCenter.Channels.OAuth;
using ContactCenter.Core.Storage;
using ContactCenter.Testing;
using ContactCenter.Testing.OAuth;
using ContactCenter.Testing.PostgreSql;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace ContactCenter.Workers.Tests.Cluster;

/// <summary>
/// A mailbox (or the receipts' relay) logging in with a refresh token its provider rotates, from two nodes on one
/// PostgreSQL database, against the real token server set as Auth0 or Okta with rotation: a used token is retired, and
/// a retired token presented again revokes every token of the login. Each node has its own data folder.
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed class OAuth2OnTwoNodesTests(PostgresFixture postgres) : IAsyncLifetime, IDisposable
{
    private const string User = "urp@example.it";
    private readonly TempDirectory folder = new("cc-oauth2-nodes");
    private readonly List<ServiceProvider> nodes = [];
    private TestTokenServer server = null!;
    private OAuth2Options options = null!;
    private string configured = null!;

    public async Task InitializeAsync()
    {
        server = await TestTokenServer.StartAsync();
        server.RotateRefreshTokens = true;
        server.RevokeAllOnReuse = true;
        var client = server.AddClient("app-cluster", User, secret: "s3cret");
        configured = server.IssueRefreshToken(client.ClientId, User);
        options = new OAuth2Options
        {
            Provider = OAuth2Provider.Generic, Grant = OAuth2Grant.RefreshToken, ClientId = client.ClientId, ClientSecret = "s3cret",
            TokenEndpoint = server.TokenEndpoint, RefreshToken = configured,
        };
    }

    public async Task DisposeAsync()
    {
        foreach (var node in nodes)
        {
            await node.DisposeAsync();
        }

        await server.DisposeAsync();
    }

    public void Dispose() => folder.Dispose();

    [Fact]
    public async Task Login_NodesTakingTurns_EachUsesTheTokenTheOtherRotated_NoneReused()
    {
        var (a, b) = await TwoNodesAsync();

        for (var i = 0; i < 4; i++)
        {
            await LoginAsync(i % 2 == 0 ? a : b);
        }

        server.IsRefreshTokenActive(configured).Should().BeFalse("the first login rotated the configured token");
        server.RefreshTokenReuses.Should().Be(0, "no node presented a token another had spent");
    }

    [Fact]
    public async Task Login_EightAtOnceOnTwoNodes_OneRefreshAtATime_NoneReused()
    {
        var (a, b) = await TwoNodesAsync();

        var logins = await Task.WhenAll(Enumerable.Range(0, 8).Select(i => LoginAsync(i % 2 == 0 ? a : b)));

        logins.Select(t => t.AccessToken).Should().OnlyHaveUniqueItems();
        server.RefreshTokenReuses.Should().Be(0, "two refreshes at once would present one token twice, and the provider would revoke the login");
        await LoginAsync(b);
    }

    [Fact]
    public async Task Login_SingleMachineJoinsTheCluster_ItsRotatedTokenFileComesAlong()
    {
        var alone = new OAuth2State(folder.Combine("alone", "oauth2"));
        await LoginAsync(alone);
        Directory.GetFiles(alone.Folder).Should().ContainSingle("the single machine keeps the rotated token in its data folder");
        var (a, b) = await TwoNodesAsync();

        await LoginAsync(alone with { Shared = a.Shared });
        await LoginAsync(b);

        Directory.GetFiles(alone.Folder).Should().BeEmpty("the token now lives in the shared keys");
        server.RefreshTokenReuses.Should().Be(0);
    }

    private async Task<OAuth2Token> LoginAsync(OAuth2State node) =>
        await OAuth2TokenRegistry.Create("urp", options, User, new OAuth2HttpHandlerFactory(), TimeProvider.System, NullLoggerFactory.Instance, node)
            .GetAsync(CancellationToken.None);

    private async Task<(OAuth2State A, OAuth2State B)> TwoNodesAsync()
    {
        var database = await postgres.Server.CreateDatabaseAsync();
        OAuth2State Node(string name)
        {
            var node = SharedKeysNode.Open(database);
            nodes.Add(node);
            return new OAuth2State(folder.Combine(name, "oauth2"), node.GetRequiredService<ISharedKeyStore>());
        }

        return (Node("a"), Node("b"));
    }
}
