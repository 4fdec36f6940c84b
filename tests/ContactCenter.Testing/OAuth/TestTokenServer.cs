using System.Collections.Concurrent;
using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using ContactCenter.Testing.Dovecot;
using ContactCenter.Testing.Smtp;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace ContactCenter.Testing.OAuth;

/// <summary>
/// An OAuth2 authorisation server on loopback for tests (Kestrel, plain http and https with a self-signed certificate):
/// <c>/token</c> (and Entra ID's <c>/{tenant}/oauth2/v2.0/token</c>) issues tokens for the client credentials, refresh
/// token and JWT bearer grants; <c>/introspect</c> answers RFC 7662 introspection, which Dovecot's oauth2 passdb calls.
/// Errors are worded like Entra ID's and Google's.
/// </summary>
public sealed partial class TestTokenServer : IAsyncDisposable
{
    private readonly ConcurrentDictionary<string, TokenClient> clients = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, TokenGrant> tokens = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, (string ClientId, string User)> refreshTokens = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, (string ClientId, string User)> retiredRefreshTokens = new(StringComparer.Ordinal);
    private readonly WebApplication app;
    private int expiredIntrospections;
    private int refreshTokenReuses;

    private TestTokenServer(int httpPort, int httpsPort)
    {
        HttpPort = httpPort;
        HttpsPort = httpsPort;
        Certificate = TestCertificates.CreateSelfSigned("localhost");
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.Listen(IPAddress.Loopback, httpPort);
            kestrel.Listen(IPAddress.Loopback, httpsPort, listen => listen.UseHttps(Certificate));
        });
        app = builder.Build();
        app.MapPost("/token", (Delegate)HandleTokenAsync);
        app.MapPost("/{tenant}/oauth2/v2.0/token", (Delegate)HandleTokenAsync);
        app.MapPost("/introspect", (Delegate)HandleIntrospectAsync);
        app.MapGet("/{tenant}/v2.0/.well-known/openid-configuration", (HttpContext context, string tenant) => Results.Json(new Dictionary<string, string>
        {
            ["issuer"] = $"{BaseUrl(context)}/{tenant}/v2.0",
            ["token_endpoint"] = $"{BaseUrl(context)}/{tenant}/oauth2/v2.0/token",
            ["authorization_endpoint"] = $"{BaseUrl(context)}/{tenant}/oauth2/v2.0/authorize",
        }));
    }

    public int HttpPort { get; }
    public int HttpsPort { get; }

    /// <summary>The https listener's certificate; clients pin it (<see cref="CreateTrustingHandler"/>).</summary>
    public X509Certificate2 Certificate { get; }

    public string HttpUrl => $"http://127.0.0.1:{HttpPort}";
    public string HttpsUrl => $"https://127.0.0.1:{HttpsPort}";
    public string TokenEndpoint => $"{HttpUrl}/token";
    public string IntrospectionUrl => $"{HttpUrl}/introspect";

    /// <summary>Lifetime of the access tokens issued from now on.</summary>
    public TimeSpan TokenLifetime { get; set; } = TimeSpan.FromHours(1);

    /// <summary>A refresh token grant answers with a new refresh token and retires the old one.</summary>
    public bool RotateRefreshTokens { get; set; }

    /// <summary>With <see cref="RotateRefreshTokens"/>: the used token stays valid too (as Entra ID's do until they expire).</summary>
    public bool KeepUsedRefreshTokens { get; set; }

    /// <summary>
    /// With <see cref="RotateRefreshTokens"/>: a retired token presented again revokes every refresh token of its client
    /// and user (reuse detection, as Auth0's and Okta's rotation do: a reuse means the token leaked).
    /// </summary>
    public bool RevokeAllOnReuse { get; set; }

    /// <summary>How many times a retired refresh token was presented again.</summary>
    public int RefreshTokenReuses => Volatile.Read(ref refreshTokenReuses);

    /// <summary>Every access token issued so far, oldest first.</summary>
    public IReadOnlyList<TokenGrant> Issued => tokens.Values.OrderBy(t => t.ExpiresAt).ToList();

    /// <summary>How many times an expired token was presented for introspection (a client reused a stale token).</summary>
    public int ExpiredIntrospections => Volatile.Read(ref expiredIntrospections);

    public static async Task<TestTokenServer> StartAsync()
    {
        var server = new TestTokenServer(FreePort.Next(), FreePort.Next());
        await server.app.StartAsync().ConfigureAwait(false);
        return server;
    }

    public TokenClient AddClient(string clientId, string user, string? secret = null, RSA? publicKey = null)
    {
        var client = new TokenClient(clientId, user) { Secret = secret, PublicKey = publicKey };
        clients[clientId] = client;
        return client;
    }

    public TokenClient Client(string clientId) => clients[clientId];

    /// <summary>A refresh token as a user's consent would have produced it.</summary>
    public string IssueRefreshToken(string clientId, string user)
    {
        var token = "rt-" + RandomToken();
        refreshTokens[token] = (clientId, user);
        return token;
    }

    /// <summary>Whether <paramref name="refreshToken"/> would be accepted now.</summary>
    public bool IsRefreshTokenActive(string refreshToken) => refreshTokens.ContainsKey(refreshToken);

    /// <summary>Revokes one refresh token.</summary>
    public void RevokeRefreshToken(string refreshToken) => refreshTokens.TryRemove(refreshToken, out _);

    /// <summary>Revokes every refresh token of a client (a user withdrew consent, or an admin revoked the sessions).</summary>
    public void RevokeRefreshTokens(string clientId)
    {
        foreach (var token in refreshTokens.Where(t => t.Value.ClientId == clientId).Select(t => t.Key).ToList())
        {
            refreshTokens.TryRemove(token, out _);
        }
    }

    /// <summary>Revokes an access token before its expiry (an admin's action): introspection says inactive.</summary>
    public void Revoke(string accessToken) => tokens[accessToken].Revoked = true;

    /// <summary>An https client handler that trusts exactly this server's certificate.</summary>
    public HttpMessageHandler CreateTrustingHandler()
    {
        var thumbprint = Certificate.GetCertHashString(HashAlgorithmName.SHA256);
        return new SocketsHttpHandler
        {
            SslOptions = { RemoteCertificateValidationCallback = (_, cert, _, _) => cert is not null && cert.GetCertHashString(HashAlgorithmName.SHA256) == thumbprint },
        };
    }

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync().ConfigureAwait(false);
        await app.DisposeAsync().ConfigureAwait(false);
        Certificate.Dispose();
    }

    private static string BaseUrl(HttpContext context) => $"{context.Request.Scheme}://{context.Request.Host}";

    private static string RandomToken() =>
        Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
