using Microsoft.Extensions.Logging;

namespace ContactCenter.Channels.OAuth;

/// <summary>
/// The access token of one channel (or of the SMTP relay): reused until <see cref="OAuth2Options.RefreshBefore"/> its
/// expiry (at most half its lifetime), then replaced; one request at a time whoever asks (the poller, the IDLE watcher).
/// A failed refresh is kept, with the provider's reason, for <c>status</c> and <c>/health</c>, and rethrown.
/// </summary>
public sealed class OAuth2TokenCache
{
    private static readonly TimeSpan CredentialWarning = TimeSpan.FromDays(30);

    private readonly string channel;
    private readonly IOAuth2TokenSource source;
    private readonly OAuth2Options options;
    private readonly TimeProvider time;
    private readonly ILogger logger;
    private readonly SemaphoreSlim gate = new(1, 1);
    private OAuth2Token? current;
    private DateOnly warnedOn;

    public OAuth2TokenCache(string channel, IOAuth2TokenSource source, OAuth2Options options, TimeProvider time, ILogger logger)
    {
        this.channel = channel;
        this.source = source;
        this.options = options;
        this.time = time;
        this.logger = logger;
        Status = new OAuth2Status(options.Provider.ToString(), null, source.CredentialExpiresAt, null, null, null);
    }

    public OAuth2Status Status { get; private set; }

    /// <summary>A token good for at least the refresh margin; a new one from the provider when needed.</summary>
    public async Task<OAuth2Token> GetAsync(CancellationToken cancellationToken)
    {
        if (current is { } cached && IsFresh(cached))
        {
            return cached;
        }

        await gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (current is { } again && IsFresh(again))
            {
                return again;
            }

            return await RefreshAsync(cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            gate.Release();
        }
    }

    /// <summary>True once <paramref name="token"/> is past its expiry: a session logged in with it should log in again.</summary>
    public bool HasExpired(OAuth2Token token) => time.GetUtcNow() >= token.ExpiresAt;

    /// <summary>The server refused <paramref name="token"/> (revoked before its expiry): the next login asks for a new one.</summary>
    public void Invalidate(OAuth2Token token)
    {
        OAuth2Log.TokenRefused(logger, channel, token.ExpiresAt);
        Interlocked.CompareExchange(ref current, null, token);
    }

    private bool IsFresh(OAuth2Token token)
    {
        var margin = TimeSpan.FromTicks(Math.Min(options.RefreshBefore.Ticks, (token.ExpiresAt - token.IssuedAt).Ticks / 2));
        return time.GetUtcNow() < token.ExpiresAt - margin;
    }

    private async Task<OAuth2Token> RefreshAsync(CancellationToken cancellationToken)
    {
        OAuth2Token token;
        try
        {
            token = await source.RequestAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (OAuth2TokenException ex)
        {
            current = null;
            Status = Status with { TokenExpiresAt = null, LastError = ex.Message, LastErrorAt = time.GetUtcNow(), CredentialExpiresAt = source.CredentialExpiresAt };
            OAuth2Log.RefreshFailed(logger, channel, ex.Message);
            throw;
        }

        current = token;
        var now = time.GetUtcNow();
        Status = Status with
        {
            TokenExpiresAt = token.ExpiresAt, LastRefreshAt = now, LastError = null, LastErrorAt = null,
            CredentialExpiresAt = source.CredentialExpiresAt,
        };
        OAuth2Log.TokenObtained(logger, channel, source.Description, token.ExpiresAt);
        WarnIfCredentialExpiring(now);
        return token;
    }

    private void WarnIfCredentialExpiring(DateTimeOffset now)
    {
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        if (Status.CredentialExpiresAt is { } expires && expires - now < CredentialWarning && warnedOn != today)
        {
            warnedOn = today;
            OAuth2Log.CredentialExpiring(logger, channel, expires, Math.Max(0, (int)(expires - now).TotalDays));
        }
    }
}
