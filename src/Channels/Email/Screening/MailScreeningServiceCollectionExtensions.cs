using ContactCenter.Core.Screening;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace ContactCenter.Channels.Email.Screening;

/// <summary>Registers the mail screen (spam and sender authentication) and <c>ContactCenter:Spam</c>.</summary>
public static class MailScreeningServiceCollectionExtensions
{
    public static IServiceCollection AddMailScreening(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<SpamOptions>().Bind(configuration.GetSection(SpamOptions.SectionName)).ValidateDataAnnotations().ValidateOnStart();
        services.TryAddSingleton(sp => new MailScreeningCatalog(configuration));
        services.TryAddSingleton<RspamdClient>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IDraftScreen, MailScreen>());
        return services;
    }
}
