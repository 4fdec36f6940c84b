using System.Collections.Concurrent;
using ContactCenter.Core.Storage;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace ContactCenter.Channels.OAuth;

/// <summary>
/// The token caches of the running service, one per channel (and <c>smtp</c> for the relay), so every connection of a
/// channel shares its token and the control endpoint can show their state. With the store's options, a refresh token
/// the server rotates is kept in <see cref="StateFolder"/>, or in the cluster's <paramref name="shared"/> keys; without
/// them (tools, tests), in memory.
/// </summary>
public sealed class OAuth2TokenRegistry(
    OAuth2HttpHandlerFactory handlers, TimeProvider time, ILoggerFactory? loggers = null, IOptions<StoreOptions>? store = null, ISharedKeyStore? shared = null)
{
    private readonly ConcurrentDictionary<string, OAuth2TokenCache> caches = new(StringComparer.OrdinalIgnoreCase);
    private readonly OAuth2State? state = store is null ? null : new OAuth2State(StateFolder(store.Value), shared);

    /// <summary>The cache of <paramref name="name"/>, created on first use with these options.</summary>
    public OAuth2TokenCache For(string name, OAuth2Options options, string mailbox) =>
        caches.GetOrAdd(name, _ => Create(name, options, mailbox, handlers, time, loggers ?? NullLoggerFactory.Instance, state));

    /// <summary>Null when <paramref name="name"/> does not log in with OAuth2 (or has not connected yet).</summary>
    public OAuth2Status? StatusOf(string name) => caches.TryGetValue(name, out var cache) ? cache.Status : null;

    /// <summary><c>{DataDirectory}/oauth2</c>: the service's own writable folder, where rotated refresh tokens are kept.</summary>
    public static string StateFolder(StoreOptions store) => OAuth2StateFiles.Folder(store.DataDirectory);

    /// <summary>
    /// A cache of its own, for a one-off check (<c>channels check</c>); with the service's <paramref name="state"/>
    /// it logs in with the refresh token the service last rotated, and keeps the one it gets for the service.
    /// </summary>
    public static OAuth2TokenCache Create(
        string name, OAuth2Options options, string mailbox, OAuth2HttpHandlerFactory handlers, TimeProvider time, ILoggerFactory loggers,
        OAuth2State? state = null)
    {
        var http = new HttpClient(handlers.Create(), disposeHandler: true) { Timeout = options.Timeout > TimeSpan.Zero ? options.Timeout : TimeSpan.FromSeconds(30) };
        var logger = loggers.CreateLogger<OAuth2TokenCache>();
        var rotated = RotatedRefreshTokenStore.For(state, name, options, mailbox, time, logger);
        var source = OAuth2TokenSources.Create(options, mailbox, http, time, rotated);
        return new OAuth2TokenCache(name, source, options, time, logger);
    }
}
