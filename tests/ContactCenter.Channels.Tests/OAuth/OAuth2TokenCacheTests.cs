using ContactCenter.Channels.OAuth;
using ContactCenter.Channels.Tests.Email;
using ContactCenter.Testing;
using Microsoft.Extensions.Time.Testing;

namespace ContactCenter.Channels.Tests.OAuth;

/// <summary>When the cache asks its provider for a new token (pure timing logic: a counting source, a fake clock).</summary>
public sealed class OAuth2TokenCacheTests
{
    private readonly FakeTimeProvider time = new(new DateTimeOffset(2026, 12, 3, 8, 0, 0, TimeSpan.Zero));

    [Fact]
    public async Task Get_ReusesTheTokenUntilRefreshBeforeItsExpiry()
    {
        var source = new CountingSource(time, TimeSpan.FromHours(1));
        var cache = new OAuth2TokenCache("urp", source, new OAuth2Options { RefreshBefore = TimeSpan.FromMinutes(5) }, time, new RecordingLogger());

        var first = await cache.GetAsync(CancellationToken.None);
        time.Advance(TimeSpan.FromMinutes(54));
        (await cache.GetAsync(CancellationToken.None)).Should().BeSameAs(first);
        time.Advance(TimeSpan.FromMinutes(1) + TimeSpan.FromSeconds(1));
        var second = await cache.GetAsync(CancellationToken.None);

        second.Should().NotBeSameAs(first);
        source.Requests.Should().Be(2);
        cache.Status.TokenExpiresAt.Should().Be(second.ExpiresAt);
    }

    [Fact]
    public async Task Get_ShortLivedToken_RefreshedAtHalfItsLifetimeAtTheLatest()
    {
        var source = new CountingSource(time, TimeSpan.FromMinutes(4));
        var cache = new OAuth2TokenCache("urp", source, new OAuth2Options { RefreshBefore = TimeSpan.FromMinutes(5) }, time, new RecordingLogger());

        await cache.GetAsync(CancellationToken.None);
        await cache.GetAsync(CancellationToken.None);
        source.Requests.Should().Be(1, "a margin longer than the lifetime must not mean a request per login");
        time.Advance(TimeSpan.FromMinutes(2));
        await cache.GetAsync(CancellationToken.None);

        source.Requests.Should().Be(2);
    }

    [Fact]
    public async Task Get_ConcurrentCallers_OneRequest()
    {
        var source = new CountingSource(time, TimeSpan.FromHours(1)) { Delay = TimeSpan.FromMilliseconds(100) };
        var cache = new OAuth2TokenCache("urp", source, new OAuth2Options(), time, new RecordingLogger());

        var tokens = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => cache.GetAsync(CancellationToken.None)));

        tokens.Distinct().Should().ContainSingle();
        source.Requests.Should().Be(1);
    }

    [Fact]
    public async Task Get_FailureKeptInStatusUntilTheNextSuccess_InvalidateForcesANewToken()
    {
        var source = new CountingSource(time, TimeSpan.FromHours(1)) { Failure = new OAuth2TokenException("consent revoked", "invalid_grant", "AADSTS65001", "test") };
        var logger = new RecordingLogger();
        var cache = new OAuth2TokenCache("urp", source, new OAuth2Options(), time, logger);

        await FluentActions.Awaiting(() => cache.GetAsync(CancellationToken.None)).Should().ThrowAsync<OAuth2TokenException>();
        cache.Status.LastError.Should().Be("OAuth2: consent revoked (from test; invalid_grant: AADSTS65001)");
        cache.Status.LastErrorAt.Should().Be(time.GetUtcNow());

        source.Failure = null;
        var token = await cache.GetAsync(CancellationToken.None);
        cache.Status.LastError.Should().BeNull();
        cache.Invalidate(token);
        (await cache.GetAsync(CancellationToken.None)).Should().NotBeSameAs(token);
        source.Requests.Should().Be(3);
        logger.Has(2762).Should().BeTrue();
    }

    [Theory]
    [InlineData("invalid_client", "AADSTS7000222: The provided client secret keys for app 'x' are expired.", "client secret expired")]
    [InlineData("invalid_client", "AADSTS7000215: Invalid client secret provided.", "client secret wrong")]
    [InlineData("invalid_grant", "AADSTS65001: The user or administrator has not consented", "consent revoked")]
    [InlineData("invalid_grant", "Token has been expired or revoked.", "consent revoked or refresh token expired")]
    [InlineData("invalid_client", "The OAuth client was deleted.", "client secret expired or wrong")]
    [InlineData("unauthorized_client", "Client is unauthorized to retrieve access tokens using this method", "client not authorised for this grant")]
    [InlineData("invalid_scope", null, "scope not granted")]
    [InlineData("server_error", null, "token endpoint temporarily unavailable")]
    public void ErrorMeaning_ProviderCodes_ReadAsWhatToDo(string error, string? description, string meaning) =>
        OAuth2ErrorMeaning.Explain(error, description).Should().StartWith(meaning);

    private sealed class CountingSource(TimeProvider time, TimeSpan lifetime) : IOAuth2TokenSource
    {
        private int requests;

        public int Requests => Volatile.Read(ref requests);

        public TimeSpan Delay { get; init; }

        public OAuth2TokenException? Failure { get; set; }

        public string Description => "test";

        public DateTimeOffset? CredentialExpiresAt => null;

        public async Task<OAuth2Token> RequestAsync(CancellationToken cancellationToken)
        {
            var n = Interlocked.Increment(ref requests);
            if (Delay > TimeSpan.Zero)
            {
                await Task.Delay(Delay, cancellationToken);
            }

            if (Failure is { } failure)
            {
                throw failure;
            }

            var now = time.GetUtcNow();
            return new OAuth2Token($"token-{n}", now, now + lifetime);
        }
    }
}
