using System.Data.Common;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using ContactCenter.Core.Intake;
using ContactCenter.Core.Storage;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace ContactCenter.Channels.OAuth;

/// <summary>
/// Where one login keeps the refresh token its server rotated: a file in the service's data folder (the configured
/// file is usually read-only, e.g. systemd's <c>LoadCredential=</c>), so a restart or the CLI's <c>channels check</c>
/// can still log in after the server retired the configured token; on a cluster, the shared keys (<see cref="OAuth2State"/>),
/// where a refresh runs on one node at a time (<see cref="SerializedAsync{T}"/>). The state is read at every request,
/// as another process may have rotated the token since. Without a folder (or when it cannot be written) the token is
/// kept in memory, as before.
/// </summary>
internal sealed class RotatedRefreshTokenStore(string? path, string channel, TimeProvider time, ILogger logger, ISharedKeyStore? shared = null)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private RotatedRefreshToken? memory;

    /// <summary>A store that keeps the token in memory only.</summary>
    public static RotatedRefreshTokenStore InMemory(TimeProvider time) => new(null, "", time, NullLogger.Instance);

    /// <summary>The state of <paramref name="channel"/> logging in as <paramref name="mailbox"/>, where <paramref name="state"/> says.</summary>
    public static RotatedRefreshTokenStore For(
        OAuth2State? state, string channel, OAuth2Options options, string mailbox, TimeProvider time, ILogger logger)
    {
        if (state is null || string.IsNullOrWhiteSpace(state.Folder))
        {
            return new RotatedRefreshTokenStore(null, channel, time, logger, state?.Shared);
        }

        // The channel names the file; the login's hash keeps two logins of one name (a reused name, the relay) apart.
        var login = Fingerprint($"{options.Provider}\n{options.ClientId}\n{options.TokenEndpoint}\n{mailbox}")[..12];
        var name = $"refresh-token-{SafeFileName.From(channel, "channel")}-{login}.json";
        return new RotatedRefreshTokenStore(Path.Combine(state.Folder, name), channel, time, logger, state.Shared);
    }

    /// <summary>The state's name in the shared keys: the file's, under <c>oauth2/</c>.</summary>
    private string SharedName => path is null ? OAuth2StateFiles.SharedPrefix + channel : OAuth2StateFiles.SharedName(path);

    private string Where => shared is null ? path ?? "memory" : $"the store's shared keys ({SharedName})";

    /// <summary>
    /// Runs a refresh (read the state, ask the server, keep its answer) on one node of a cluster at a time: two nodes
    /// presenting the same token at once would make the server retire it under one of them, or, with reuse detection,
    /// revoke the whole login. One process's logins need no such lock: their cache asks one at a time.
    /// </summary>
    public Task<T> SerializedAsync<T>(Func<CancellationToken, Task<T>> refresh, CancellationToken cancellationToken) =>
        shared is null ? refresh(cancellationToken) : shared.ExclusivelyAsync(SharedName, refresh, cancellationToken);

    public static string Fingerprint(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));

    /// <summary>
    /// The rotated token descending from the configured token with <paramref name="configuredSha256"/>, or null; state
    /// descending from another configured token is dropped (the administrator put a new one).
    /// </summary>
    public async Task<string?> LoadAsync(string configuredSha256, CancellationToken cancellationToken)
    {
        // The newer of the file and memory: after a save that failed, the file still holds the token the server retired.
        var saved = await ReadAsync(cancellationToken).ConfigureAwait(false);
        var kept = saved is null || (memory is not null && memory.RotatedAt > saved.RotatedAt) ? memory : saved;
        if (kept is null)
        {
            return null;
        }

        if (string.Equals(kept.ConfiguredSha256, configuredSha256, StringComparison.Ordinal))
        {
            return kept.RefreshToken;
        }

        OAuth2Log.ConfiguredRefreshTokenChanged(logger, channel);
        await ForgetAsync(kept.RefreshToken, cancellationToken).ConfigureAwait(false);
        return null;
    }

    /// <summary>Keeps <paramref name="refreshToken"/>; a failed write is logged and leaves it in memory only.</summary>
    public async Task SaveAsync(string configuredSha256, string refreshToken, CancellationToken cancellationToken)
    {
        var entry = new RotatedRefreshToken(configuredSha256, refreshToken, time.GetUtcNow());
        memory = entry;
        if (path is null && shared is null)
        {
            return;
        }

        try
        {
            if (shared is not null)
            {
                await shared.SetAsync(SharedName, JsonSerializer.Serialize(entry, Json), cancellationToken).ConfigureAwait(false);
            }
            else
            {
                await OwnerOnlyFile.WriteAsync(path!, JsonSerializer.SerializeToUtf8Bytes(entry, Json), cancellationToken).ConfigureAwait(false);
            }

            OAuth2Log.RotatedRefreshTokenSaved(logger, channel, Where);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or DbException)
        {
            // The new token is good and the old one already retired: failing the login would lose both.
            OAuth2Log.RotatedRefreshTokenNotSaved(logger, channel, Where, ex.Message);
        }
    }

    /// <summary>The server answered invalid_grant to <paramref name="refreshToken"/>: it is dropped.</summary>
    public Task ForgetRefusedAsync(string refreshToken, string error, CancellationToken cancellationToken)
    {
        OAuth2Log.RotatedRefreshTokenRefused(logger, channel, error);
        return ForgetAsync(refreshToken, cancellationToken);
    }

    /// <summary>Drops the state if it still holds <paramref name="refreshToken"/> (another process may have rotated it since).</summary>
    private async Task ForgetAsync(string refreshToken, CancellationToken cancellationToken)
    {
        if (memory?.RefreshToken == refreshToken)
        {
            memory = null;
        }

        if (shared is not null)
        {
            if (await shared.GetAsync(SharedName, cancellationToken).ConfigureAwait(false) is { } value && Parse(value)?.RefreshToken == refreshToken)
            {
                await shared.RemoveAsync(SharedName, value, cancellationToken).ConfigureAwait(false);
            }

            return;
        }

        if (path is not null && (await ReadAsync(cancellationToken).ConfigureAwait(false))?.RefreshToken == refreshToken)
        {
            try
            {
                File.Delete(path);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                OAuth2Log.RotatedRefreshTokenUnreadable(logger, channel, path, ex.Message);
            }
        }
    }

    private async Task<RotatedRefreshToken?> ReadAsync(CancellationToken cancellationToken)
    {
        if (shared is null)
        {
            return await ReadFileAsync(cancellationToken).ConfigureAwait(false);
        }

        if (await shared.GetAsync(SharedName, cancellationToken).ConfigureAwait(false) is { } value)
        {
            return Parse(value);
        }

        // A single machine's file, brought along once: the token it holds may be the only one the server still takes.
        if (await ReadFileAsync(cancellationToken).ConfigureAwait(false) is not { } local)
        {
            return null;
        }

        await shared.SetAsync(SharedName, JsonSerializer.Serialize(local, Json), cancellationToken).ConfigureAwait(false);
        try
        {
            File.Delete(path!);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // Harmless: the shared state is read first from now on.
            OAuth2Log.RotatedRefreshTokenUnreadable(logger, channel, path!, ex.Message);
        }

        return local;
    }

    private static RotatedRefreshToken? Parse(string value)
    {
        try
        {
            return Complete(JsonSerializer.Deserialize<RotatedRefreshToken>(value, Json));
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static RotatedRefreshToken? Complete(RotatedRefreshToken? entry) =>
        entry is { ConfiguredSha256.Length: > 0, RefreshToken.Length: > 0 } ? entry : null;

    private async Task<RotatedRefreshToken?> ReadFileAsync(CancellationToken cancellationToken)
    {
        if (path is null || !File.Exists(path))
        {
            return null;
        }

        try
        {
            await using var stream = File.OpenRead(path);
            return Complete(await JsonSerializer.DeserializeAsync<RotatedRefreshToken>(stream, Json, cancellationToken).ConfigureAwait(false));
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or JsonException)
        {
            // Unreadable or damaged: the configured token (or the one in memory) is the best left; the next rotation rewrites it.
            OAuth2Log.RotatedRefreshTokenUnreadable(logger, channel, path, ex.GetType().Name);
            return null;
        }
    }
}
