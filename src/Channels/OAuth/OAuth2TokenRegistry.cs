using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace ContactCenter.Channels.OAuth;

/// <summary>
/// The token caches of the running service, one per channel (and <c>smtp</c> for the relay), so every connection of a
/// channel shares its token and the control endpoint can show their state.
/// </summary>
public sealed class OAuth2TokenRegistry(OAuth2HttpHandlerFactory handlers, TimeProvider time, ILoggerFactory? loggers = null)
{
    private readonly ConcurrentDictionary<string, OAuth2TokenCache> caches = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>The cache of <paramref name="name"/>, created on first use with these options.</summary>
    public OAuth2TokenCache For(string name, OAuth2Options options, string mailbox) =>
        caches.GetOrAdd(name, _ => Create(name, options, mailbox, handlers, time, loggers ?? NullLoggerFactory.Instance));

    /// <summary>Null when <paramref name="name"/> does not log in with OAuth2 (or has not connected yet).</summary>
    public OAuth2Status? StatusOf(string name) => caches.TryGetValue(name, out var cache) ? cache.Status : null;

    /// <summary>A cache of its own, for a one-off check (<c>channels check</c>).</summary>
    public static OAuth2TokenCache Create(
        string name, OAuth2Options options, string mailbox, OAuth2HttpHandlerFactory handlers, TimeProvider time, ILoggerFactory loggers)
    {
        var http = new HttpClient(handlers.Create(), disposeHandler: true) { Timeout = options.Timeout > TimeSpan.Zero ? options.Timeout : TimeSpan.FromSeconds(30) };
        var source = OAuth2TokenSources.Create(options, mailbox, http, time);
        return new OAuth2TokenCache(name, source, options, time, loggers.CreateLogger<OAuth2TokenCache>());
    }
}
