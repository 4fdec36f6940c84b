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

    public static void ThrowIfInvalid(IReadOnlyList<string> errors)
    {
        if (errors.Count > 0)
        {
            throw new InvalidOperationException(string.Join(Environment.NewLine, errors));
        }
    }
}
