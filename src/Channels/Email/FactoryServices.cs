using ContactCenter.Channels.OAuth;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace ContactCenter.Channels.Email;

/// <summary>What a channel factory takes from the container, with safe fallbacks for tools and tests.</summary>
internal static class FactoryServices
{
    public static ILogger Logger<T>(IServiceProvider services) =>
        (services.GetService<ILoggerFactory>() ?? NullLoggerFactory.Instance).CreateLogger<T>();

    public static TimeProvider Time(IServiceProvider services) => services.GetService<TimeProvider>() ?? TimeProvider.System;

    /// <summary><c>ContactCenter:Mail:MaxMessageBytes</c>: mail sources leave larger messages on the server unread.</summary>
    public static long MaxMessageBytes(IServiceProvider services) =>
        services.GetService<IOptions<MailNormalizerOptions>>()?.Value.MaxMessageBytes ?? MailNormalizerOptions.DefaultMaxMessageBytes;

    /// <summary>The channel's shared token cache when it logs in with OAuth2, else null.</summary>
    public static OAuth2TokenCache? OAuth2(IServiceProvider services, string channel, MailConnectionOptions options)
    {
        if (options.Auth != MailAuthentication.OAuth2)
        {
            return null;
        }

        var registry = services.GetService<OAuth2TokenRegistry>()
            ?? new OAuth2TokenRegistry(
                new OAuth2HttpHandlerFactory(), Time(services), services.GetService<ILoggerFactory>(), services.GetService<IOptions<Core.Storage.StoreOptions>>(),
                services.GetService<Core.Storage.ISharedKeyStore>());
        return registry.For(channel, options.OAuth2!, options.User);
    }

    public static void ThrowIfInvalid(IReadOnlyList<string> errors)
    {
        if (errors.Count > 0)
        {
            throw new InvalidOperationException(string.Join(Environment.NewLine, errors));
        }
    }
}
