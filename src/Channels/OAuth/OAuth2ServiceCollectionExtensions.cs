using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace ContactCenter.Channels.OAuth;

/// <summary>Registers the token caches shared by the mailbox channels and the SMTP relay.</summary>
public static class OAuth2ServiceCollectionExtensions
{
    public static IServiceCollection AddOAuth2Tokens(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<OAuth2HttpHandlerFactory>();
        services.TryAddSingleton<OAuth2TokenRegistry>();
        return services;
    }
}
